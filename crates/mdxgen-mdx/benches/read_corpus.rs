//! Reading speed: every page of an authentik corpus, held in memory, read by `read_page` on one core.
//! Throughput is bytes of page text (MDX plus the sidecar JSON the pages require) per second.
//!
//! `cargo bench -p mdxgen-mdx --bench read_corpus`

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mdxgen_mdx::{ReadOptions, Sidecars, read_page, sidecar_path};
use mdxgen_testkit::{corpora, corpus_root, page_files};

/// Sidecar files served from memory, so the benchmark measures reading, not the disk.
struct InMemory(HashMap<PathBuf, String>);

impl Sidecars for InMemory {
    fn load(&self, page: &Path, relative: &str) -> Result<String, String> {
        let path = sidecar_path(page, relative)?;
        self.0.get(&path).cloned().ok_or_else(|| format!("no sidecar {}", path.display()))
    }
}

fn bench(c: &mut Criterion) {
    let Some(root) = corpus_root() else { return };
    for corpus in corpora(&root).into_iter().filter(|c| c.name.starts_with("authentik")) {
        let pages: Vec<(PathBuf, String)> = page_files(&corpus.pages)
            .into_iter()
            .map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap_or_default()))
            .collect();
        let sidecars: HashMap<PathBuf, String> = std::fs::read_dir(&corpus.pages)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| (p.clone(), std::fs::read_to_string(&p).unwrap_or_default()))
            .collect();
        let bytes: usize =
            pages.iter().map(|(_, t)| t.len()).sum::<usize>() + sidecars.values().map(String::len).sum::<usize>();
        let sidecars = InMemory(sidecars);
        let mut group = c.benchmark_group("read_corpus");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        for (mode, options) in [
            ("frontmatter", ReadOptions::default()),
            ("tree", ReadOptions { ignore_api_frontmatter: true, ..ReadOptions::default() }),
        ] {
            group.bench_function(format!("{}/{mode}", corpus.name), |b| {
                b.iter(|| {
                    pages
                        .iter()
                        .map(|(path, text)| read_page(path, text, &options, &sidecars).diagnostics.len())
                        .sum::<usize>()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
