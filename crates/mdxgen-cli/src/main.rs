//! `mdxgen`: API reference docs (docusaurus-plugin-openapi-docs pages) or an OpenAPI document in, an
//! OpenAPI spec out. Diagnostics go to stderr as `file:line:column: level[code]: message`; the exit code is
//! 1 when the input has errors and 2 when the run itself failed (bad arguments, unwritable output).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mdxgen::{Builder, Diagnostic, Error};

#[derive(Parser)]
#[command(name = "mdxgen", version, about = "Turns API reference docs back into a spec and into Rust code")]
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
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Write the OpenAPI 3.0.3 document rebuilt from the inputs
    Spec {
        #[command(flatten)]
        inputs: Inputs,
        /// Where to write it: YAML, or JSON when the name ends in `.json`
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Read the inputs and report diagnostics only
    Check {
        #[command(flatten)]
        inputs: Inputs,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Spec { inputs, output } => {
            let result = builder(&inputs).write_spec(&output);
            finish(result.map(|d| (d, format!("wrote {}", output.display()))), inputs.verbose)
        }
        Command::Check { inputs } => {
            let result = builder(&inputs).load();
            finish(
                result.map(|(api, d)| {
                    (d, format!("{} operations, {} named types", api.operations.len(), api.types.len()))
                }),
                inputs.verbose,
            )
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

fn finish(result: Result<(Vec<Diagnostic>, String), Error>, verbose: bool) -> ExitCode {
    match result {
        Ok((diagnostics, summary)) => {
            report(&diagnostics, verbose);
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(Error::Input { count, diagnostics, .. }) => {
            report(&diagnostics, verbose);
            eprintln!("{count} error(s): nothing was written");
            ExitCode::from(1)
        }
        Err(error @ Error::Output(_)) => {
            eprintln!("{:?}", miette::Report::msg(error.to_string()));
            ExitCode::from(2)
        }
    }
}

fn report(diagnostics: &[Diagnostic], verbose: bool) {
    let warnings = diagnostics.iter().filter(|d| !d.is_error()).count();
    for diagnostic in diagnostics.iter().filter(|d| verbose || d.is_error()) {
        eprintln!("{diagnostic}");
    }
    if warnings > 0 && !verbose {
        eprintln!("{warnings} warning(s) (--verbose shows them)");
    }
}
