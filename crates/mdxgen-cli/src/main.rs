//! `mdxgen`: API reference docs (docusaurus-plugin-openapi-docs pages) or an OpenAPI document in, an
//! OpenAPI spec or a Rust crate out. Diagnostics go to stderr as `file:line:column: level[code]: message`; the exit code is
//! 1 when the input has errors and 2 when the run itself failed (bad arguments, unwritable output).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use mdxgen::{Builder, DateTimeCrate, Diagnostic, Error, OpenApiVersion, Severity};

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
    /// Write the OpenAPI document rebuilt from the inputs
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
    /// Write a Rust crate (Cargo.toml, src/) generated from the inputs; the folder is replaced as a whole
    Generate {
        #[command(flatten)]
        inputs: Inputs,
        /// Generate the models: one serde type per type of the API
        #[arg(long)]
        models: bool,
        /// Generate the async client (reqwest, cargo feature `client`, on by default); the models come with it
        #[arg(long)]
        client: bool,
        /// The crate's folder; replaced only when generation succeeds, and only if it is mdxgen output
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        crate_options: CrateOptions,
    },
    /// Read the inputs and report diagnostics only
    Check {
        #[command(flatten)]
        inputs: Inputs,
    },
}

#[derive(clap::Args)]
struct CrateOptions {
    /// The package name (default: the API title in kebab case with `-api`)
    #[arg(long)]
    crate_name: Option<String>,
    /// A folder with `Cargo.toml.jinja` and/or `lib.rs.jinja` replacing the built-in templates
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
            finish(result.map(|d| (d, format!("wrote {}", output.display()))), inputs.verbose)
        }
        Command::Generate { inputs, models, client, output, crate_options } => {
            if !models && !client {
                eprintln!("nothing to generate: pass --models or --client");
                return ExitCode::from(2);
            }
            let mut builder = builder(&inputs);
            builder.models(true).client(client).unknown_variants(!crate_options.no_unknown_variants);
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
    let warnings = diagnostics.iter().filter(|d| d.severity == Severity::Warning).count();
    for diagnostic in diagnostics.iter().filter(|d| verbose || d.is_error()) {
        eprintln!("{diagnostic}");
    }
    if warnings > 0 && !verbose {
        eprintln!("{warnings} warning(s) (--verbose shows them)");
    }
}
