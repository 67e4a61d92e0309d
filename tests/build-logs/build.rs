//! Generates CloudWatch Logs (a JSON-protocol service of the Smithy corpus, not one of the
//! vendored models) into `OUT_DIR` with its operations, as a downstream crate would: only the
//! operations a log-shipping program needs. Also IAM (awsQuery) and S3 (restXml), with the
//! operations their moto test calls.

use std::path::PathBuf;

/// The operations generated (and what they reach): enough to create a group and a stream,
/// put events, read them back, page through the groups and clean up.
const OPERATIONS: [&str; 6] = [
    "CreateLogGroup",
    "CreateLogStream",
    "PutLogEvents",
    "GetLogEvents",
    "DescribeLogGroups",
    "DeleteLogGroup",
];

fn main() {
    println!("cargo::rustc-check-cfg=cfg(awsgen_no_corpus)");
    println!("cargo:rerun-if-env-changed=AWSGEN_AWS_MODELS");
    println!("cargo:rerun-if-env-changed=CI");
    let corpus = std::env::var_os("AWSGEN_AWS_MODELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/aws-models")
        });
    let model = corpus.join("cloudwatch-logs/service/2014-03-28/cloudwatch-logs-2014-03-28.json");
    let pricing = corpus.join("pricing/service/2017-10-15/pricing-2017-10-15.json");
    let iam = corpus.join("iam/service/2010-05-08/iam-2010-05-08.json");
    let s3 = corpus.join("s3/service/2006-03-01/s3-2006-03-01.json");
    if let Some(model) = [&model, &pricing, &iam, &s3]
        .into_iter()
        .find(|m| !m.is_file())
    {
        // CI runs with the corpus beside the clone: there a missing model fails the build.
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            eprintln!(
                "awsgen: {} is missing (CI=true needs ../shared/aws-models)",
                model.display()
            );
            std::process::exit(1);
        }
        println!(
            "cargo:warning=skipped: {} is absent, so the CloudWatch Logs test has nothing to run",
            model.display()
        );
        println!("cargo:rustc-cfg=awsgen_no_corpus");
        return;
    }
    let result = awsgen::Config::new()
        .model_as(&model, "logs")
        .operations(OPERATIONS)
        .emit_operations(true)
        .compile()
        // The Price List's GetProducts: its errors are marked `@retryable` (one a throttling
        // error), which the generated error type reports to the client.
        .and_then(|()| {
            awsgen::Config::new()
                .model_as(&pricing, "pricing")
                .operations(["GetProducts"])
                .emit_operations(true)
                .compile()
        })
        // awsQuery: a role created, read back and deleted.
        .and_then(|()| {
            awsgen::Config::new()
                .model_as(&iam, "iam")
                .operations(["CreateRole", "GetRole", "DeleteRole"])
                .emit_operations(true)
                .compile()
        })
        // restXml: a bucket, its tags as an XML payload, and S3's unwrapped errors.
        .and_then(|()| {
            awsgen::Config::new()
                .model_as(&s3, "s3")
                .operations([
                    "CreateBucket",
                    "PutBucketTagging",
                    "GetBucketTagging",
                    "ListBuckets",
                    "DeleteBucket",
                ])
                .emit_operations(true)
                .compile()
        });
    if let Err(e) = result {
        // A build script reports through cargo; the message names the file and shape.
        eprintln!("awsgen: {e}");
        std::process::exit(1);
    }
}
