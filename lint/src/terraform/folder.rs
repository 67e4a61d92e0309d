//! The files a Terraform file reads from its folder: `terraform.tfvars`, `*.auto.tfvars` and
//! their `.json` forms, whose values its variables take, and the files `file(...)` and
//! `templatefile(...)` name.

use crate::problem::Problem;
use crate::seg::Seg;
use std::path::{Path, PathBuf};

/// The folder of the file checked; standard input has none, and reads nothing beside it.
#[derive(Debug, Clone)]
pub struct Folder {
    dir: Option<PathBuf>,
}

/// A file read from the folder: the name it is shown by (the folder as the checked file's
/// name gives it, joined with the name the resource or Terraform gives it) and its text.
pub struct Beside {
    pub shown: String,
    pub text: std::io::Result<String>,
}

impl Folder {
    /// The folder of the file called `name` (as given on the command line).
    pub fn of(name: &str) -> Folder {
        let dir = (name != "<stdin>" && name != "-")
            .then(|| Path::new(name).parent().unwrap_or(Path::new("")).to_owned());
        Folder { dir }
    }

    /// The file `relative` to the folder (`./` and Terraform's `${path.module}/` read as the
    /// folder itself); `None` for standard input.
    pub fn read(&self, relative: &str) -> Option<Beside> {
        let dir = self.dir.as_ref()?;
        let relative = relative.trim_start_matches("./");
        let path = dir.join(relative);
        Some(Beside {
            shown: path.display().to_string(),
            text: std::fs::read_to_string(&path),
        })
    }

    /// The variable files Terraform reads by itself, in its order (a later one's value wins):
    /// `terraform.tfvars`, `terraform.tfvars.json`, then `*.auto.tfvars` and
    /// `*.auto.tfvars.json` by name.
    pub fn tfvars(&self) -> Vec<Beside> {
        let Some(dir) = &self.dir else {
            return Vec::new();
        };
        let listed = if dir.as_os_str().is_empty() {
            std::fs::read_dir(".")
        } else {
            std::fs::read_dir(dir)
        };
        let mut auto: Vec<String> = listed
            .into_iter()
            .flatten()
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".auto.tfvars") || name.ends_with(".auto.tfvars.json"))
            .collect();
        auto.sort();
        ["terraform.tfvars", "terraform.tfvars.json"]
            .into_iter()
            .map(str::to_owned)
            .chain(auto)
            .filter_map(|name| self.read(&name))
            .filter(|file| file.text.is_ok())
            .collect()
    }
}

/// A file a resource reads: the name it is shown by, its text, the path in the input its
/// value is at, and its own problems (not JSON).
pub struct File {
    pub shown: String,
    pub text: String,
    pub at: Vec<Seg>,
    pub problems: Vec<Problem>,
}
