//! `mdxgen`: API reference docs (docusaurus-plugin-openapi-docs pages) or an OpenAPI document in, an
//! OpenAPI spec or a Rust crate out. Diagnostics go to stderr as `file:line:column: level[code]: message`,
//! errors with the source line under them; the exit codes are in [`EXIT_CODES`].

use std::path::PathBuf;
use std::process::ExitCode;

mod snippet;

use clap::{Parser, Subcommand};
use mdxgen::{Builder, DateTimeCrate, Diagnostic, Error, OpenApiVersion, ReadOptions, Severity};
use mdxgen_mock::{Mock, MockOptions};

/// The exit codes, as `--help` shows them.
const EXIT_CODES: &str = "Exit codes: 0 done; 1 the input has errors (nothing was written); 2 the run failed \
(bad arguments, an output that cannot be written or replaced)";

#[derive(Parser)]
#[command(
    name = "mdxgen",
    version,
    about = "Turns API reference docs back into a spec and into Rust code",
    after_help = EXIT_CODES
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct Inputs {
    /// Pages (`*.api.mdx`, copies as `*.txt`), folders of them, or one OpenAPI document (`.yaml`/`.json`)
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Read operations from the component trees, ignoring the `api:` frontmatter
    #[arg(long)]
    tree_only: bool,
    /// Print warnings too, not only errors
    #[arg(long, short, conflicts_with = "quiet")]
    verbose: bool,
    /// Print errors only: no summary, no count of warnings
    #[arg(long, short)]
    quiet: bool,
}

impl Inputs {
    fn output(&self) -> Verbosity {
        match (self.verbose, self.quiet) {
            (true, _) => Verbosity::Verbose,
            (_, true) => Verbosity::Quiet,
            _ => Verbosity::Normal,
        }
    }
}

/// What goes to stderr besides errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verbosity {
    /// Errors only.
    Quiet,
    /// Errors, the number of warnings, and a summary line.
    Normal,
    /// Every warning too.
    Verbose,
}

#[derive(Subcommand)]
enum Command {
    /// Write the OpenAPI document rebuilt from the inputs
    #[command(after_help = "Examples:
  mdxgen spec docs/api -o api.yaml
  mdxgen spec --openapi 3.1 docs/api -o api.json
  mdxgen spec --tree-only docs/api/core-users-list.api.mdx -o users.yaml")]
    Spec {
        #[command(flatten)]
        inputs: Inputs,
        /// Where to write it: YAML, or JSON when the name ends in `.json`
        #[arg(short, long)]
        output: PathBuf,
        /// The OpenAPI version to write, 3.0 or 3.1 (default: 3.1 when the docs hold something only 3.1 can
        /// say, such as webhooks or `examples`, else 3.0)
        #[arg(long, value_name = "VERSION")]
        openapi: Option<OpenApiVersion>,
    },
    /// Write a Rust crate (Cargo.toml, src/) generated from the inputs; the folder is replaced as a whole.
    /// With no part named, the models and the client
    #[command(after_help = "Examples:
  mdxgen generate docs/api -o authentik-api                 # models and client
  mdxgen generate --models docs/api -o authentik-models
  mdxgen generate --client --server docs/api -o authentik-api --crate-name authentik
  mdxgen generate --server --templates my-templates docs/api -o authentik-server")]
    Generate {
        #[command(flatten)]
        inputs: Inputs,
        /// Generate the models: one serde type per type of the API
        #[arg(long)]
        models: bool,
        /// Generate the async client (reqwest, cargo feature `client`, on by default); the models come with it
        #[arg(long)]
        client: bool,
        /// Generate the axum server (cargo feature `server`, on by default): the `Api` trait, `router(impl)`
        /// validating requests against the docs, and the mock `MockApi`; the models come with it
        #[arg(long)]
        server: bool,
        /// The crate's folder; replaced only when generation succeeds, and only if it is mdxgen output
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        crate_options: CrateOptions,
    },
    /// Serve a validating mock of the API: requests are checked against the docs and answered with the
    /// documented examples (bad pages are reported and the rest is served)
    #[command(after_help = "Examples:
  mdxgen mock docs/api                      # http://127.0.0.1:4010
  mdxgen mock --port 0 docs/api             # any free port; the address is printed
  mdxgen mock --dynamic --seed 7 docs/api   # values made from the schemas, repeatably")]
    Mock {
        #[command(flatten)]
        inputs: Inputs,
        /// The port to listen on (0: any free one; the address is printed)
        #[arg(long, default_value_t = 4010)]
        port: u16,
        /// The address to listen on
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// Answer with a fresh value made from the schema each time instead of the documented example
        #[arg(long)]
        dynamic: bool,
        /// The seed of the fresh values, so that a run can be repeated (default: random)
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Read the inputs and report diagnostics only
    #[command(after_help = "Examples:
  mdxgen check docs/api
  mdxgen check -v docs/api/core-users-list.api.mdx   # with warnings")]
    Check {
        #[command(flatten)]
        inputs: Inputs,
    },
    /// List what the generated code will hold: every operation (method, path, parameter and body types) and
    /// every type (kind, origin, and the operations and types that use it)
    #[command(after_help = "Example: mdxgen inspect docs/api | grep -A3 core_users_list")]
    Inspect {
        #[command(flatten)]
        inputs: Inputs,
    },
}

#[derive(clap::Args)]
struct CrateOptions {
    /// The package name (default: the API title in kebab case with `-api`)
    #[arg(long)]
    crate_name: Option<String>,
    /// A folder with any of `Cargo.toml.jinja`, `lib.rs.jinja`, `README.md.jinja`, `main.rs.jinja`, replacing the
    /// built-in templates of the same name
    #[arg(long)]
    templates: Option<PathBuf>,
    /// No `Unknown` variant on enums: values the docs do not list fail to deserialize
    #[arg(long)]
    no_unknown_variants: bool,
    /// Map `date-time` and `date` to the `time` crate instead of chrono
    #[arg(long)]
    time: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Spec { inputs, output, openapi } => {
            let mut builder = builder(&inputs);
            if let Some(version) = openapi {
                builder.openapi_version(version);
            }
            let result = builder.write_spec(&output);
            finish(result.map(|d| (d, format!("wrote {}", output.display()))), inputs.output())
        }
        Command::Generate { inputs, models, client, server, output, crate_options } => {
            // No part named: what most users want, a crate they can call the API with.
            let client = client || !(models || server);
            let mut builder = builder(&inputs);
            builder.models(true).client(client).server(server).unknown_variants(!crate_options.no_unknown_variants);
            if crate_options.time {
                builder.date_time(DateTimeCrate::Time);
            }
            if let Some(name) = &crate_options.crate_name {
                builder.crate_name(name);
            }
            if let Some(templates) = &crate_options.templates {
                builder.templates(templates);
            }
            let result = builder.write_crate(&output);
            finish(result.map(|d| (d, format!("wrote {}", output.display()))), inputs.output())
        }
        Command::Mock { inputs, port, host, dynamic, seed } => {
            mock(&inputs, &host, port, &MockOptions { dynamic, seed })
        }
        Command::Check { inputs } => {
            let result = builder(&inputs).load();
            finish(
                result.map(|(api, d)| {
                    (d, format!("{} operations, {} named types", api.operations.len(), api.types.len()))
                }),
                inputs.output(),
            )
        }
        Command::Inspect { inputs } => inspect(&inputs),
    }
}

fn inspect(inputs: &Inputs) -> ExitCode {
    let result = builder(inputs).type_model().map(|(api, model, diagnostics)| {
        print!("{}", mdxgen::Inventory::new(&api, &model).render());
        (diagnostics, format!("{} operations, {} types", api.operations.len(), model.len()))
    });
    finish(result, inputs.output())
}

/// Serves what the inputs hold: pages with errors are reported and left out, the rest is served. Prints each
/// route, their number and the bound address (`listening on http://...`) to stdout, then one line per
/// request to stderr.
fn mock(inputs: &Inputs, host: &str, port: u16, options: &MockOptions) -> ExitCode {
    let read = ReadOptions { ignore_api_frontmatter: inputs.tree_only, ..ReadOptions::default() };
    let loaded = mdxgen::load(&inputs.inputs, &read);
    report(&loaded.diagnostics, inputs.output());
    if loaded.api.operations.is_empty() {
        eprintln!("no operation to serve");
        return ExitCode::from(1);
    }
    let (mock, diagnostics) = match Mock::new(&loaded.api, options) {
        Ok(built) => built,
        Err(message) => {
            eprintln!("{:?}", miette::Report::msg(message));
            return ExitCode::from(2);
        }
    };
    report(&diagnostics, inputs.output());
    let routes = mock.routes();
    let listing: String = routes.iter().map(|r| format!("{} {} -> {}\n", r.method, r.path, r.operation_id)).collect();
    let served = mdxgen_mock::serve(mock, host, port, |address| {
        use std::io::Write;
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "{listing}{} operations\nlistening on http://{address}\n", routes.len());
        let _ = out.flush();
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{:?}", miette::Report::msg(message));
            ExitCode::from(2)
        }
    }
}

fn builder(inputs: &Inputs) -> Builder {
    let mut builder = Builder::new();
    for input in &inputs.inputs {
        builder.input(input);
    }
    builder.tree_only(inputs.tree_only);
    builder
}

fn finish(result: Result<(Vec<Diagnostic>, String), Error>, verbosity: Verbosity) -> ExitCode {
    match result {
        Ok((diagnostics, summary)) => {
            report(&diagnostics, verbosity);
            if verbosity != Verbosity::Quiet {
                eprintln!("{summary}");
            }
            ExitCode::SUCCESS
        }
        Err(Error::Input { count, diagnostics, .. }) => {
            report(&diagnostics, verbosity);
            eprintln!("{count} error(s): nothing was written");
            ExitCode::from(1)
        }
        Err(error @ Error::Output(_)) => {
            eprintln!("{:?}", miette::Report::msg(error.to_string()));
            ExitCode::from(2)
        }
    }
}

fn report(diagnostics: &[Diagnostic], verbosity: Verbosity) {
    let warnings = diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    for diagnostic in diagnostics.iter().filter(|d| verbosity == Verbosity::Verbose || d.is_error()) {
        eprintln!("{diagnostic}");
        if diagnostic.is_error()
            && let Some(snippet) = snippet::render(diagnostic)
        {
            eprintln!("{snippet}");
        }
    }
    if warnings > 0 && verbosity == Verbosity::Normal {
        eprintln!("{warnings} warning(s) (--verbose shows them)");
    }
}
