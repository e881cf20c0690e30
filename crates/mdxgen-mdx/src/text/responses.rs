//! The responses: the status tabs (`- 200`, `- 400`), then each status's panel one after the other, since a
//! copy holds every tab: its description, and, when it has content, the media type tabs and for each media
//! type the `Schema` / `Example (auto)` tabs, the schema's items and the examples.
//!
//! Nothing marks where one panel ends and the next begins. Panels with content are found by their media type
//! tabs; the description lines between them are shared out among the statuses (see [`allocate`]).

use serde_json::{Map, Value, json};

use super::example::read_json;
use super::lines::{Line, tab_label};
use super::schema::read_schema;
use super::{MAX_MEDIA_TYPES, Note, Notes, is_right_panel_start};
use crate::Example;

/// The most statuses whose panels are placed by trying every arrangement; more are placed greedily.
const MAX_ARRANGED_STATUSES: usize = 16;

/// The responses read from the text.
pub(crate) struct ResponsesRead {
    pub responses: Map<String, Value>,
    pub examples: Vec<Example>,
    /// Index (in the lines given) where the responses end: the right column starts there.
    pub end: usize,
}

/// A panel with content: its media types, each with the lines of its schema and its examples.
struct Content<'l, 'a> {
    media: Vec<Media<'l, 'a>>,
}

struct Media<'l, 'a> {
    media_type: String,
    nodes: &'l [Line<'a>],
    examples: Vec<(String, Value)>,
}

/// What lies between the status tabs and the right column, in order.
enum Block<'l, 'a> {
    Text(Line<'a>),
    Content(Content<'l, 'a>),
}

/// Reads the responses section: `lines` start after the `Responses` heading.
pub(crate) fn read_responses(lines: &[Line<'_>], notes: &mut Notes) -> ResponsesRead {
    let statuses: Vec<&str> = lines.iter().map_while(|l| tab_label(l.text).filter(|t| is_status(t))).collect();
    let (blocks, end) = blocks(lines, statuses.len(), notes);
    let mut read = ResponsesRead { responses: Map::new(), examples: Vec::new(), end };
    if statuses.is_empty() {
        return read;
    }
    let runs = runs(&blocks);
    let contents: Vec<&Content<'_, '_>> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Content(c) => Some(c),
            Block::Text(_) => None,
        })
        .collect();
    let lengths: Vec<usize> = runs.iter().map(Vec::len).collect();
    let arrangement = allocate(statuses.len(), &lengths);
    if arrangement.ambiguous
        && let Some(first) = lines.first()
    {
        notes.push(Note::at(
            first,
            "responses: the text does not tell for sure which status each description and schema belongs to".to_owned(),
        ));
    }
    for (status, placed) in statuses.iter().zip(&arrangement.statuses) {
        let response = response(status, placed, &runs, &contents, arrangement.ambiguous, notes, &mut read.examples);
        read.responses.insert((*status).to_owned(), Value::Object(response));
    }
    read
}

/// One status's response: the description lines and the content panel the arrangement gave it.
fn response(
    status: &str,
    placed: &Placed,
    runs: &[Vec<Line<'_>>],
    contents: &[&Content<'_, '_>],
    ambiguous: bool,
    notes: &mut Notes,
    examples: &mut Vec<Example>,
) -> Map<String, Value> {
    let lines: Vec<&Line<'_>> = placed.lines.iter().filter_map(|&(run, i)| runs.get(run)?.get(i)).collect();
    // `Response Headers` is the summary of the folded headers, not part of the description.
    let headers = lines.iter().find(|l| l.text == "Response Headers");
    let description: Vec<&str> = lines.iter().map(|l| l.text).filter(|l| *l != "Response Headers").collect();
    let mut response = Map::new();
    response.insert("description".into(), Value::String(description.join("\n")));
    if let Some(content) = placed.content.and_then(|c| contents.get(c)) {
        let what = format!("the {status} response");
        response.insert("content".into(), media_content(content, status, &what, notes, examples));
    }
    let mut unknown = Vec::new();
    if let Some(headers) = headers {
        unknown.push("headers (folded on the page)");
        notes.push(Note::at(headers, format!("the {status} response: its headers are folded on the page: unknown")));
    }
    if ambiguous {
        unknown.push("which description and content are this status's");
    }
    if !unknown.is_empty() {
        response.insert("x-mdxgen-unknown".into(), json!(unknown));
    }
    response
}

fn media_content(
    content: &Content<'_, '_>,
    status: &str,
    what: &str,
    notes: &mut Notes,
    examples: &mut Vec<Example>,
) -> Value {
    let mut map = Map::new();
    for media in &content.media {
        let example = media.examples.first().map(|(_, v)| v);
        let schema = read_schema(media.nodes, example, what, notes);
        map.insert(media.media_type.clone(), json!({ "schema": schema }));
        for (_, value) in &media.examples {
            examples.push(Example {
                status: Some(status.to_owned()),
                media_type: media.media_type.clone(),
                value: value.clone(),
            });
        }
    }
    Value::Object(map)
}

/// `200`, `4XX`, `default`.
fn is_status(label: &str) -> bool {
    label == "default"
        || (label.len() == 3
            && label.starts_with(|c: char| ('1'..='5').contains(&c))
            && label[1..].chars().all(|c| c.is_ascii_digit() || c == 'X' || c == 'x'))
}

/// Splits what follows the status tabs into description lines and panels with content, up to the right
/// column. Returns them and where they end.
fn blocks<'l, 'a>(lines: &'l [Line<'a>], statuses: usize, notes: &mut Notes) -> (Vec<Block<'l, 'a>>, usize) {
    let mut blocks = Vec::new();
    let mut i = statuses;
    while i < lines.len() {
        if is_right_panel_start(lines, i) {
            break;
        }
        if let Some((content, next)) = content(lines, i, notes) {
            blocks.push(Block::Content(content));
            i = next;
            continue;
        }
        // A run of tabs that starts no content is text; skipping it whole keeps long runs linear.
        let run = lines[i..].iter().take_while(|l| tab_label(l.text).is_some()).count().max(1);
        for line in &lines[i..i + run] {
            blocks.push(Block::Text(*line));
        }
        i += run;
    }
    (blocks, i)
}

/// A panel's content at `lines[start]`: media type tabs, then per media type the schema tabs, `Schema`,
/// the items and one example per example tab.
fn content<'l, 'a>(lines: &'l [Line<'a>], start: usize, notes: &mut Notes) -> Option<(Content<'l, 'a>, usize)> {
    let media_types: Vec<&str> = lines[start..]
        .iter()
        .take(MAX_MEDIA_TYPES)
        .map_while(|l| tab_label(l.text).filter(|t| t.contains('/')))
        .collect();
    let mut i = start + media_types.len();
    if media_types.is_empty() || lines.get(i).and_then(|l| tab_label(l.text)) != Some("Schema") {
        return None;
    }
    let mut media = Vec::new();
    for media_type in media_types {
        let tabs: Vec<&str> = lines[i..].iter().map_while(|l| tab_label(l.text)).collect();
        if tabs.first() != Some(&"Schema") {
            break;
        }
        i += tabs.len();
        // The schema's summary line (`Schema`, or `Schemarequired`).
        if lines.get(i).is_some_and(|l| l.text.starts_with("Schema")) {
            i += 1;
        }
        let nodes_start = i;
        let example_tabs = tabs.len() - 1;
        let mut first_example = None;
        while i < lines.len() && !ends_media(lines, i) {
            if example_tabs > 0
                && let Some(found) = read_json(lines, i, notes)
            {
                first_example = Some(found);
                break;
            }
            i += 1;
        }
        let nodes = &lines[nodes_start..i];
        let mut examples = Vec::new();
        for label in &tabs[1..] {
            // A named example may show its summary above the value.
            let found =
                first_example.take().or_else(|| (i..lines.len().min(i + 4)).find_map(|at| read_json(lines, at, notes)));
            let Some((value, next)) = found else { break };
            examples.push(((*label).to_owned(), value));
            i = next;
        }
        media.push(Media { media_type: media_type.to_owned(), nodes, examples });
    }
    Some((Content { media }, i))
}

/// Where the items of a media type without examples end: the next media type's tabs, or the right column.
fn ends_media(lines: &[Line<'_>], i: usize) -> bool {
    tab_label(lines[i].text) == Some("Schema")
        || (tab_label(lines[i].text).is_some_and(|t| t.contains('/'))
            && lines.get(i + 1).and_then(|l| tab_label(l.text)).is_some())
        || is_right_panel_start(lines, i)
}

/// The description lines before each content panel, and those after the last one.
fn runs<'a>(blocks: &[Block<'_, 'a>]) -> Vec<Vec<Line<'a>>> {
    let mut runs = vec![Vec::new()];
    for block in blocks {
        match block {
            Block::Text(line) => runs.last_mut().map(|r| r.push(*line)).unwrap_or_default(),
            Block::Content(_) => runs.push(Vec::new()),
        }
    }
    runs
}

/// Where each status's description lines and content are.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Placed {
    /// (run, line in run) of each description line.
    pub lines: Vec<(usize, usize)>,
    /// The index of the content panel.
    pub content: Option<usize>,
}

#[derive(Debug, PartialEq)]
pub(crate) struct Arrangement {
    pub statuses: Vec<Placed>,
    /// Whether another arrangement fits the text as well.
    pub ambiguous: bool,
}

/// Places `n` statuses given the lengths of the description runs around the content panels (`runs.len()`
/// is the number of panels plus one).
///
/// The panels go to statuses in order. A status without content shows its description only: it takes one
/// line (the last such status before the right column takes all the lines left). A status with content
/// takes the lines before its panel that the statuses without content before it leave. An arrangement fits
/// when every status without content gets a line and no line is left over. Among those that fit, the one
/// with the fewest descriptions of several lines wins; a tie is reported as ambiguous.
pub(crate) fn allocate(n: usize, runs: &[usize]) -> Arrangement {
    let panels = runs.len().saturating_sub(1).min(n);
    let mut best: Option<(usize, Vec<usize>)> = None;
    let mut ties = 0;
    let mut visit = |positions: &[usize]| {
        let Some(cost) = cost(n, runs, positions) else { return };
        match &best {
            Some((best_cost, _)) if *best_cost < cost => {}
            Some((best_cost, _)) if *best_cost == cost => ties += 1,
            _ => {
                best = Some((cost, positions.to_vec()));
                ties = 0;
            }
        }
    };
    if n <= MAX_ARRANGED_STATUSES {
        for_each_combination(n, panels, &mut visit);
    } else {
        let positions: Vec<usize> = (0..panels).collect();
        visit(&positions);
    }
    match best.and_then(|(_, positions)| place(n, runs, &positions)) {
        Some(statuses) => Arrangement { statuses, ambiguous: ties > 0 },
        None => Arrangement { statuses: greedy(n, runs), ambiguous: true },
    }
}

/// How many statuses get a description of several lines with content panels at `positions`, or `None`
/// when the arrangement does not fit (see [`allocate`]).
fn cost(n: usize, runs: &[usize], positions: &[usize]) -> Option<usize> {
    let mut multi_line = 0;
    let mut first_free = 0;
    for (panel, &at) in positions.iter().enumerate() {
        let without = at - first_free;
        let lines = *runs.get(panel)?;
        if lines < without {
            return None;
        }
        multi_line += usize::from(lines - without > 1);
        first_free = at + 1;
    }
    let trailing = runs.get(positions.len()).copied().unwrap_or(0);
    let without = n - first_free;
    if (without == 0 && trailing > 0) || trailing < without {
        return None;
    }
    Some(multi_line + usize::from(without > 0 && trailing - (without - 1) > 1))
}

/// The arrangement with content panels at `positions`, if it fits.
fn place(n: usize, runs: &[usize], positions: &[usize]) -> Option<Vec<Placed>> {
    let mut statuses = vec![Placed::default(); n];
    let mut previous: Option<usize> = None;
    for (panel, &at) in positions.iter().enumerate() {
        let first_free = previous.map_or(0, |p| p + 1);
        let without = at - first_free;
        let lines = runs[panel];
        if lines < without {
            return None;
        }
        for (k, status) in (first_free..at).enumerate() {
            statuses[status].lines.push((panel, k));
        }
        statuses[at].lines = (without..lines).map(|k| (panel, k)).collect();
        statuses[at].content = Some(panel);
        previous = Some(at);
    }
    let first_free = previous.map_or(0, |p| p + 1);
    let trailing = runs.get(positions.len()).copied().unwrap_or(0);
    let without = n - first_free;
    if (without == 0 && trailing > 0) || trailing < without {
        return None;
    }
    for (k, status) in (first_free..n).enumerate() {
        let last = status == n - 1;
        let take = if last { k..trailing } else { k..k + 1 };
        statuses[status].lines = take.map(|line| (positions.len(), line)).collect();
    }
    Some(statuses)
}

/// Panels to the first statuses, one description line each to the rest: used when nothing fits.
fn greedy(n: usize, runs: &[usize]) -> Vec<Placed> {
    let mut statuses = vec![Placed::default(); n];
    let mut lines = runs.iter().enumerate().flat_map(|(run, &len)| (0..len).map(move |k| (run, k)));
    for (i, status) in statuses.iter_mut().enumerate() {
        if i + 1 < runs.len() {
            status.content = Some(i);
        }
        status.lines.extend(lines.next());
    }
    statuses
}

/// Calls `visit` with every increasing choice of `k` positions out of `n`.
fn for_each_combination(n: usize, k: usize, visit: &mut impl FnMut(&[usize])) {
    let mut positions: Vec<usize> = (0..k).collect();
    if k > n {
        return;
    }
    loop {
        visit(&positions);
        // Advance the rightmost position that can still move.
        let Some(i) = (0..k).rev().find(|&i| positions[i] < n - k + i) else { return };
        positions[i] += 1;
        for j in i + 1..k {
            positions[j] = positions[j - 1] + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content_of(arrangement: &Arrangement) -> Vec<Option<usize>> {
        arrangement.statuses.iter().map(|p| p.content).collect()
    }

    #[test]
    fn a_status_without_content_takes_its_line() {
        // 204 "No response body", then 400 and 403 with content.
        let a = allocate(3, &[1, 0, 0]);
        assert_eq!(content_of(&a), [None, Some(0), Some(1)]);
        assert_eq!(a.statuses[0].lines, [(0, 0)]);
        assert!(!a.ambiguous);
        // 200 "Success", 400 "Bad request" without content, 403 with.
        let a = allocate(3, &[2, 0]);
        assert_eq!(content_of(&a), [None, None, Some(0)]);
        // 200 "OK" with content, 404 "Not found" without.
        let a = allocate(2, &[1, 1]);
        assert_eq!(content_of(&a), [Some(0), None]);
        assert_eq!(a.statuses[1].lines, [(1, 0)]);
    }

    #[test]
    fn ties_are_ambiguous_and_nothing_fitting_falls_back() {
        // Two statuses, one content panel, no description at all: either could have it.
        let a = allocate(2, &[0, 0]);
        assert!(a.ambiguous || content_of(&a) == [Some(0), None]);
        let a = allocate(1, &[0, 3]);
        assert!(a.ambiguous);
        assert_eq!(a.statuses.len(), 1);
    }

    #[test]
    fn statuses_are_recognised() {
        assert!(is_status("200") && is_status("4XX") && is_status("default"));
        assert!(!is_status("application/json") && !is_status("20") && !is_status("600"));
    }
}
