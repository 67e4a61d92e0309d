//! Tests of `docs`: real documentation from the ECS and Batch models (plus a few other models
//! where ECS and Batch have no example), the rules rustdoc enforces, and robustness.

use super::*;
use std::path::{Path, PathBuf};

/// (what it exercises, HTML as written in a model, expected Markdown).
const CASES: &[(&str, &str, &str)] = &[
    (
        "placeholders inside code (ecs ContainerDefinition$image)",
        "<p>For example,\n\t\t\t\t\t\t<code>012345678910.dkr.ecr.<region-name>.amazonaws.com/<repository-name>:latest</code>\n\t\t\t\t\tor</p>",
        "For example, `012345678910.dkr.ecr.<region-name>.amazonaws.com/<repository-name>:latest` or",
    ),
    (
        "markup and line breaks inside code (batch ComputeResource$instanceRole)",
        "<p>For example, <code>\n               <i>ecsInstanceRole</i>\n            </code> or\n     <code>arn:aws:iam::<i><aws_account_id></i>:instance-profile/<i>ecsInstanceRole</i>\n            </code>.</p>",
        "For example, `ecsInstanceRole` or `arn:aws:iam::<aws_account_id>:instance-profile/ecsInstanceRole`.",
    ),
    (
        "raw angle brackets in text (ecs ClusterServiceConnectDefaultsRequest$namespace)",
        "<p>The name can't include greater than (>), less than (<), double quotation marks (\"), or slash (/).</p>",
        "The name can't include greater than (>), less than (<), double quotation marks (\"), or slash (/).",
    ),
    (
        "escaped placeholders in text (apigatewayv2 CreateIntegrationRequest$RequestParameters)",
        "<p>The key should follow the pattern &lt;action&gt;:&lt;header|querystring|path&gt;.&lt;location&gt; where action can be append.</p>",
        "The key should follow the pattern \\<action>:\\<header|querystring|path>.\\<location> where action can be append.",
    ),
    (
        "raw placeholder that is not a tag (bedrockdataautomationruntime TagValue)",
        "Defines the value within the context. e.g. <key=reason, value=training>.",
        "Defines the value within the context. e.g. \\<key=reason, value=training>.",
    ),
    (
        "square brackets, underscores and asterisks (batch EksMetadata$annotations, EvaluateOnExit)",
        "<p>It can include alphanumeric \n                characters ([a-z0-9A-Z]), dashes (-), underscores (_), and dots (.). It can optionally end with an asterisk (*) \n   so that</p>",
        "It can include alphanumeric characters (\\[a-z0-9A-Z\\]), dashes (-), underscores (\\_), and dots (.). It can optionally end with an asterisk (\\*) so that",
    ),
    (
        "link without href (batch CancelJob)",
        "<p>These jobs must be terminated with the <a>TerminateJob</a>\n      operation.</p>",
        "These jobs must be terminated with the TerminateJob operation.",
    ),
    (
        "link with empty href (batch TaskContainerDetails$mountPoints)",
        "<p>the <a href=\"https://docs.docker.com/engine/api/v1.35/\">Docker\n    Remote API</a> and the <a href=\"\">--volume</a> option</p>",
        "the [Docker Remote API](https://docs.docker.com/engine/api/v1.35/) and the --volume option",
    ),
    (
        "relative link",
        "<p>See <a href=\"/AmazonECS/latest/developerguide/task_definitions.html\">task definitions</a>.</p>",
        "See task definitions.",
    ),
    (
        "URL as link text (batch ContainerProperties$command)",
        "<p>For more information, see\n    <a href=\"https://docs.docker.com/engine/reference/builder/#cmd\">https://docs.docker.com/engine/reference/builder/#cmd</a>.</p>",
        "For more information, see <https://docs.docker.com/engine/reference/builder/#cmd>.",
    ),
    (
        "bare URL (apigatewayv2 Api$DisableExecuteApiEndpoint)",
        "<p>By default, clients can invoke your API with the default https://{api_id}.execute-api.{region}.amazonaws.com endpoint.</p>",
        "By default, clients can invoke your API with the default <https://{api_id}.execute-api.{region}.amazonaws.com> endpoint.",
    ),
    (
        "bare URL in parentheses",
        "<p>(see http://aws.amazon.com/contact-us/).</p>",
        "(see <http://aws.amazon.com/contact-us/>).",
    ),
    (
        "note (ecs AwsVpcConfiguration$subnets)",
        "<p>The IDs of the subnets associated with the task or service. There's a limit of 16\n\t\t\tsubnets that can be specified.</p>\n         <note>\n            <p>All specified subnets must be from the same VPC.</p>\n         </note>",
        "The IDs of the subnets associated with the task or service. There's a limit of 16 subnets that can be specified.\n\n> **Note:** All specified subnets must be from the same VPC.",
    ),
    (
        "important with two paragraphs",
        "<important>\n <p>Early versions of the agent don't handle\n\t\t\t\t\t<code>entryPoint</code>.</p><p>Update it.</p>\n </important>\n <p>The entry point.</p>",
        "> **Important:** Early versions of the agent don't handle `entryPoint`.\n>\n> Update it.\n\nThe entry point.",
    ),
    (
        "note that starts with a list",
        "<note><ul><li><p>One.</p></li><li><p>Two.</p></li></ul></note>",
        "> **Note:**\n>\n> - One.\n>\n> - Two.",
    ),
    (
        "definition list (ecs CapacityProvider$updateStatus)",
        "<dl>\n            <dt>DELETE_IN_PROGRESS</dt>\n            <dd>\n               <p>The capacity provider is in the process of being deleted.</p>\n            </dd>\n </dl>",
        "**DELETE\\_IN\\_PROGRESS**\n\nThe capacity provider is in the process of being deleted.",
    ),
    (
        "bold in a list item (ecs ContainerDefinition$cpu)",
        "<ul>\n            <li>\n               <p>\n                  <b>Agent versions less than or equal to 1.1.0:</b>\n\t\t\t\t\tNull and zero CPU values are passed to Docker as 0.</p>\n            </li>\n </ul>",
        "- **Agent versions less than or equal to 1.1.0:** Null and zero CPU values are passed to Docker as 0.",
    ),
    (
        "nested lists keep their structure",
        "<ul><li><p>Outer.</p><ul><li><p>Inner one.</p></li><li><p>Inner two.</p><p>More.</p></li></ul></li><li>Next.</li></ul>",
        "- Outer.\n\n  - Inner one.\n\n  - Inner two.\n\n    More.\n- Next.",
    ),
    (
        "ordered list",
        "<ol><li><p>First.</p></li><li><p>Second.</p></li></ol>",
        "1. First.\n\n2. Second.",
    ),
    (
        "line separator, raw and as entity (ecs EBSTagSpecification$propagateTags)",
        "<p>from the task definition to &#x2028;the Amazon EBS volume \u{2028} and\u{2028}more</p>",
        "from the task definition to the Amazon EBS volume and more",
    ),
    (
        "raw > after a link (ecs StopTaskRequest$reason)",
        "<p>in subsequent <a href=\"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html\">DescribeTasks</a>> API operations</p>",
        "in subsequent [DescribeTasks](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html)\\> API operations",
    ),
    (
        "self-closing code leaves no empty item (batch TaskContainerDetails$user)",
        "<ul><li><p><code>uid:group</code></p></li><li><p><code/></p></li></ul><note><p>Not for Windows.</p></note>",
        "- `uid:group`\n\n> **Note:** Not for Windows.",
    ),
    (
        "self-closing paragraph (ecs UpdateServiceRequest$capacityProviderStrategy)",
        "<p>after the cluster is created.</p><p/><p>Next.</p>",
        "after the cluster is created.\n\nNext.",
    ),
    (
        "unknown element with a closing tag (ecs service fullname)",
        "<fullname>Amazon Elastic Container Service</fullname>\n         <p>Amazon Elastic Container Service (Amazon ECS) is a highly scalable service.</p>",
        "Amazon Elastic Container Service\n\nAmazon Elastic Container Service (Amazon ECS) is a highly scalable service.",
    ),
    (
        "markup quoted inside code (glue CreateXMLClassifierRequest$RowTag)",
        "<p>(for example, <code><row item_a=\"A\" item_b=\"B\"></row></code> is okay)</p>",
        "(for example, `<row item_a=\"A\" item_b=\"B\"></row>` is okay)",
    ),
    (
        "entities",
        "<p>Use &lt;key&gt;=&lt;value&gt; pairs &amp; more&nbsp;text.</p>",
        "Use \\<key>=\\<value> pairs & more\u{a0}text.",
    ),
    (
        "line breaks",
        "<p>Attributes:<br/>First<br></br>Second</p>",
        "Attributes:\n\nFirst\n\nSecond",
    ),
    (
        "preformatted text becomes a text code block",
        "<p>Example:</p>\n    <pre><code>\n      {\n        \"a\": [1, 2],\n        \"b\": \"<x>\"\n      }\n    </code></pre>",
        "Example:\n\n```text\n{\n  \"a\": [1, 2],\n  \"b\": \"<x>\"\n}\n```",
    ),
    (
        "preformatted text with backticks",
        "<pre>```rust\nfn main() {}\n```</pre>",
        "````text\n```rust\nfn main() {}\n```\n````",
    ),
    (
        "preformatted text in a note and in a list item keeps its characters",
        "<note><p>Run:</p><pre>a <b>x</b> &lt;c&gt; https://x.com/a_b\n  d</pre></note><ul><li>Then:<pre>\n    e\n\n      g\n</pre></li><li>Last</li></ul>",
        "> **Note:** Run:\n>\n> ```text\n> a x <c> https://x.com/a_b\n>   d\n> ```\n\n- Then:\n\n  ```text\n  e\n\n    g\n  ```\n\n- Last",
    ),
    (
        "bare URLs with Markdown characters, and markup in code",
        "<p>Use <code>&lt;p&gt;</code> and https://docs.aws.amazon.com/a_b/c*d.html, or (https://x.y/z).</p>",
        "Use `<p>` and <https://docs.aws.amazon.com/a_b/c*d.html>, or (<https://x.y/z>).",
    ),
    (
        "link text with code, and a URL as text of another URL",
        "<p><a href=\"https://x.y/z\">see <code>Foo</code></a> <a href=\"https://x.y/a\">https://x.y/b</a></p>",
        "[see `Foo`](https://x.y/z) [https://x.y/b](https://x.y/a)",
    ),
    (
        "indentation never makes an indented code block",
        "<p>\n        indented text</p>\n\n        <p>    more   indented\n\n              text</p>",
        "indented text\n\nmore indented text",
    ),
];

/// Checks `md` against what rustdoc and the doctest runner need, returning the problems found.
fn problems(md: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut fence: Option<&str> = None;
    for line in md.lines() {
        if line != line.trim_end() {
            found.push(format!("trailing whitespace: {line:?}"));
        }
        // Fences also open inside list items and notes: look past their markers.
        let mut body = line.trim_start();
        while let Some(rest) = body
            .strip_prefix('>')
            .or_else(|| list_marker_width(body).map(|w| body.get(w..).unwrap_or("")))
        {
            body = rest.trim_start();
        }
        if let Some(marker) = fence {
            if body == marker {
                fence = None;
            }
            continue;
        }
        let ticks = body.len() - body.trim_start_matches('`').len();
        // Backticks after the opening run make the line an inline code span, not a fence.
        if ticks >= 3 && !body[ticks..].contains('`') {
            if &body[ticks..] != "text" {
                found.push(format!("fence that is not ```text: {line:?}"));
            }
            fence = Some(&body[..ticks]);
            continue;
        }
        if line.contains('\t') {
            found.push(format!("tab outside a code block: {line:?}"));
        }
        if let Some(problem) = inline_problem(body) {
            found.push(format!("{problem}: {line:?}"));
        }
    }
    if fence.is_some() {
        found.push("unclosed fence".into());
    }
    found
}

/// Finds an unescaped `[`/`]` outside `[text](url)`, a bare URL, or an HTML-like tag in a line.
fn inline_problem(line: &str) -> Option<&'static str> {
    let chars: Vec<char> = line.chars().collect();
    let starts = |i: usize, s: &str| chars[i..].iter().take(s.len()).copied().eq(s.chars());
    let mut in_link_text = false;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '`' => {
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                let mut j = i + run;
                // Skip to the closing run of the same length, if there is one.
                while j < chars.len() {
                    let close = chars[j..].iter().take_while(|&&c| c == '`').count();
                    if close == run {
                        i = j + run - 1;
                        break;
                    }
                    j += close.max(1);
                }
                if j >= chars.len() {
                    i += run - 1;
                }
            }
            '[' if in_link_text => return Some("unescaped [ inside link text"),
            '[' => in_link_text = true,
            ']' if in_link_text && chars.get(i + 1) == Some(&'(') => {
                if !starts(i + 2, "http") {
                    return Some("link to something that is not a web URL");
                }
                let close = chars[i..].iter().position(|&c| c == ')')?;
                in_link_text = false;
                i += close;
            }
            ']' => return Some("unescaped ] that is not part of a link"),
            '<' if starts(i + 1, "http") => {
                i += chars[i..].iter().position(|&c| c == '>')?;
            }
            '<' if chars
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || "!?".contains(*c))
                || (chars.get(i + 1) == Some(&'/')
                    && chars.get(i + 2).is_some_and(char::is_ascii_alphabetic)) =>
            {
                return Some("HTML-like tag");
            }
            'h' if !in_link_text && (starts(i, "http://") || starts(i, "https://")) => {
                let host = chars.get(i + if starts(i, "https") { 8 } else { 7 });
                if !host.is_some_and(char::is_ascii_alphanumeric) {
                    i += 1;
                    continue; // rustdoc's `bare_urls` needs a host name, as do we
                }
                return Some("bare URL");
            }
            _ => {}
        }
        i += 1;
    }
    in_link_text.then_some("unescaped [ that is not part of a link")
}

#[test]
fn tricky_cases_from_real_docs() {
    for (what, html, expected) in CASES {
        let md = to_markdown(html);
        assert_eq!(md, *expected, "{what}");
        assert_eq!(problems(&md), Vec::<String>::new(), "{what}");
        assert_eq!(to_markdown(html), md, "{what}: not deterministic");
    }
}

/// The same members in botocore (first) and Smithy (second) form; they differ only in
/// whitespace, in `&#x2028;` against a raw U+2028, and in escaped against raw placeholders.
const PAIRS: &[(&str, &str, &str)] = &[
    (
        "AwsVpcConfiguration$assignPublicIp",
        "<p>Whether the task's elastic network interface receives a public IP address. </p> <p>Consider the following when you set this value:</p> <ul> <li> <p>When you use <code>create-service</code> or <code>update-service</code>, the default is <code>DISABLED</code>. </p> </li> <li> <p>When the service <code>deploymentController</code> is <code>ECS</code>, the value must be <code>DISABLED</code>. </p> </li> </ul>",
        "<p>Whether the task's elastic network interface receives a public IP address. </p>\n         <p>Consider the following when you set this value:</p>\n         <ul>\n            <li>\n               <p>When you use <code>create-service</code> or <code>update-service</code>, the default is\n\t\t\t\t\t\t<code>DISABLED</code>. </p>\n            </li>\n            <li>\n               <p>When the service <code>deploymentController</code> is <code>ECS</code>, the value must be\n\t\t\t\t\t\t<code>DISABLED</code>. </p>\n            </li>\n         </ul>",
    ),
    (
        "BlockedException",
        "<p>Your Amazon Web Services account was blocked. For more information, contact <a href=\"http://aws.amazon.com/contact-us/\"> Amazon Web ServicesSupport</a>.</p>",
        "<p>Your Amazon Web Services account was blocked. For more information, contact <a href=\"http://aws.amazon.com/contact-us/\">\n\t\t\t\tAmazon Web ServicesSupport</a>.</p>",
    ),
    (
        "CapacityProvider$updateStatus",
        "<p>The update status of the capacity provider. The following are the possible states that is returned.</p> <dl> <dt>DELETE_IN_PROGRESS</dt> <dd> <p>The capacity provider is in the process of being deleted.</p> </dd> <dt>DELETE_COMPLETE</dt> <dd> <p>The capacity provider was successfully deleted and has an <code>INACTIVE</code> status.</p> </dd> <dt>DELETE_FAILED</dt> <dd> <p>The capacity provider can't be deleted. The update status reason provides further details about why the delete failed.</p> </dd> </dl>",
        "<p>The update status of the capacity provider. The following are the possible states that\n\t\t\tis returned.</p>\n         <dl>\n            <dt>DELETE_IN_PROGRESS</dt>\n            <dd>\n               <p>The capacity provider is in the process of being deleted.</p>\n            </dd>\n            <dt>DELETE_COMPLETE</dt>\n            <dd>\n               <p>The capacity provider was successfully deleted and has an\n\t\t\t\t\t\t\t<code>INACTIVE</code> status.</p>\n            </dd>\n            <dt>DELETE_FAILED</dt>\n            <dd>\n               <p>The capacity provider can't be deleted. The update status reason provides\n\t\t\t\t\t\tfurther details about why the delete failed.</p>\n            </dd>\n         </dl>",
    ),
    (
        "EBSTagSpecification$propagateTags",
        "<p>Determines whether to propagate the tags from the task definition to &#x2028;the Amazon EBS volume. Tags can only propagate to a <code>SERVICE</code> specified in &#x2028;<code>ServiceVolumeConfiguration</code>. If no value is specified, the tags aren't &#x2028;propagated.</p>",
        "<p>Determines whether to propagate the tags from the task definition to \u{2028}the Amazon EBS\n\t\t\tvolume. Tags can only propagate to a <code>SERVICE</code> specified in\n\t\t\t\t\u{2028}<code>ServiceVolumeConfiguration</code>. If no value is specified, the tags aren't\n\t\t\t\u{2028}propagated.</p>",
    ),
    (
        "StopTaskRequest$reason",
        "<p>An optional message specified when a task is stopped. For example, if you're using a custom scheduler, you can use this parameter to specify the reason for stopping the task here, and the message appears in subsequent <a href=\"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html\">DescribeTasks</a>&gt; API operations on this task.</p>",
        "<p>An optional message specified when a task is stopped. For example, if you're using a\n\t\t\tcustom scheduler, you can use this parameter to specify the reason for stopping the task\n\t\t\there, and the message appears in subsequent <a href=\"https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DescribeTasks.html\">DescribeTasks</a>>\n\t\t\tAPI operations on this task.</p>",
    ),
    (
        "TaskEphemeralStorage$sizeInGiB",
        "<p>The total amount, in GiB, of the ephemeral storage to set for the task. The minimum supported value is <code>20</code> GiB and the maximum supported value is&#x2028; <code>200</code> GiB.</p>",
        "<p>The total amount, in GiB, of the ephemeral storage to set for the task. The minimum\n\t\t\tsupported value is <code>20</code> GiB and the maximum supported value is\u{2028}\n\t\t\t\t<code>200</code> GiB.</p>",
    ),
    (
        "ComputeResourceUpdate$instanceRole",
        "<p>The Amazon ECS instance profile applied to Amazon EC2 instances in a compute environment. Required for Amazon EC2 instances. You can specify the short name or full Amazon Resource Name (ARN) of an instance profile. For example, <code> <i>ecsInstanceRole</i> </code> or <code>arn:aws:iam::<i>&lt;aws_account_id&gt;</i>:instance-profile/<i>ecsInstanceRole</i> </code>. For more information, see <a href=\"https://docs.aws.amazon.com/batch/latest/userguide/instance_IAM_role.html\">Amazon ECS instance role</a> in the <i>Batch User Guide</i>.</p> <p>When updating a compute environment, changing this setting requires an infrastructure update of the compute environment. For more information, see <a href=\"https://docs.aws.amazon.com/batch/latest/userguide/updating-compute-environments.html\">Updating compute environments</a> in the <i>Batch User Guide</i>.</p> <note> <p>This parameter isn't applicable to jobs that are running on Fargate resources. Don't specify it.</p> </note>",
        "<p>The Amazon ECS instance profile applied to Amazon EC2 instances in a compute environment.\n   Required for Amazon EC2 instances. You can specify the short name or full Amazon Resource Name (ARN) of an instance\n   profile. For example, <code>\n               <i>ecsInstanceRole</i>\n            </code> or\n     <code>arn:aws:iam::<i><aws_account_id></i>:instance-profile/<i>ecsInstanceRole</i>\n            </code>.\n   For more information, see <a href=\"https://docs.aws.amazon.com/batch/latest/userguide/instance_IAM_role.html\">Amazon ECS instance role</a> in the <i>Batch User Guide</i>.</p>\n         <p>When updating a compute environment, changing this setting requires an infrastructure update\n   of the compute environment. For more information, see <a href=\"https://docs.aws.amazon.com/batch/latest/userguide/updating-compute-environments.html\">Updating compute environments</a> in the\n    <i>Batch User Guide</i>.</p>\n         <note>\n            <p>This parameter isn't applicable to jobs that are running on Fargate resources. Don't specify it.</p>\n         </note>",
    ),
    (
        "TaskContainerDetails$user",
        "<p>The user to use inside the container. This parameter maps to User in the Create a container section of the Docker Remote API and the --user option to docker run.</p> <note> <p>When running tasks using the <code>host</code> network mode, don't run containers using the <code>root user (UID 0)</code>. We recommend using a non-root user for better security.</p> </note> <p>You can specify the <code>user</code> using the following formats. If specifying a UID or GID, you must specify it as a positive integer.</p> <ul> <li> <p> <code>user</code> </p> </li> <li> <p> <code>user:group</code> </p> </li> <li> <p> <code>uid</code> </p> </li> <li> <p> <code>uid:gid</code> </p> </li> <li> <p> <code>user:gi</code> </p> </li> <li> <p> <code>uid:group</code> </p> </li> <li> <p> <code/> </p> </li> </ul> <note> <p>This parameter is not supported for Windows containers.</p> </note>",
        "<p>The user to use inside the container. This parameter maps to User in the Create a container\n   section of the Docker Remote API and the --user option to docker run.</p>\n         <note>\n            <p>When running tasks using the <code>host</code> network mode, don't run containers using the\n     <code>root user (UID 0)</code>. We recommend using a non-root user for better security.</p>\n         </note>\n         <p>You can specify the <code>user</code> using the following formats. If specifying a UID or\n   GID, you must specify it as a positive integer.</p>\n         <ul>\n            <li>\n               <p>\n                  <code>user</code>\n               </p>\n            </li>\n            <li>\n               <p>\n                  <code>user:group</code>\n               </p>\n            </li>\n            <li>\n               <p>\n                  <code>uid</code>\n               </p>\n            </li>\n            <li>\n               <p>\n                  <code>uid:gid</code>\n               </p>\n            </li>\n            <li>\n               <p>\n                  <code>user:gi</code>\n               </p>\n            </li>\n            <li>\n               <p>\n                  <code>uid:group</code>\n               </p>\n            </li>\n            <li>\n               <p>\n                  <code></code>\n               </p>\n            </li>\n         </ul>\n         <note>\n            <p>This parameter is not supported for Windows containers.</p>\n         </note>",
    ),
];

#[test]
fn botocore_and_smithy_forms_give_identical_markdown() {
    for (member, botocore, smithy) in PAIRS {
        let md = to_markdown(smithy);
        assert!(!md.is_empty(), "{member}");
        assert_eq!(to_markdown(botocore), md, "{member}");
        assert_eq!(first_sentence(botocore), first_sentence(smithy), "{member}");
        assert_eq!(problems(&md), Vec::<String>::new(), "{member}");
    }
}

#[test]
fn reindenting_the_html_does_not_change_the_markdown() {
    for (what, html, _) in CASES.iter().filter(|(_, html, _)| !html.contains("<pre")) {
        let flat = html.split_whitespace().collect::<Vec<_>>().join(" ");
        let spread = html.replace("> ", ">\n\t  ").replace("<p>", "\n   <p>\n  ");
        assert_eq!(to_markdown(&flat), to_markdown(html), "{what}");
        assert_eq!(to_markdown(&spread), to_markdown(html), "{what}");
    }
}

#[test]
fn first_sentences() {
    let cases = [
        (
            "<p>Creates a new Amazon ECS cluster. By default, your account receives a cluster.</p>",
            "Creates a new Amazon ECS cluster.",
        ),
        (
            "<p>The ID of the task, e.g. <code>abc</code>. More.</p>",
            "The ID of the task, e.g. abc.",
        ),
        (
            "<p>That is, i.e. The one. Second.</p>",
            "That is, i.e. The one.",
        ),
        (
            "<p>Agent version 1.4.0 or later is required. Older ones fail.</p>",
            "Agent version 1.4.0 or later is required.",
        ),
        (
            "<p>Use <code>file. Name</code> here. Then more.</p>",
            "Use file. Name here.",
        ),
        (
            "<p>See <a href=\"https://example.com/a.html\">the guide</a>. Then.</p>",
            "See the guide.",
        ),
        (
            "<p>The <b>bold</b> and <i>italic</i>\n\t  words</p><p>Next paragraph.</p>",
            "The bold and italic words",
        ),
        (
            "<p>Names like [a-z] or <code>_x_</code> or &lt;key&gt;. Next.</p>",
            "Names like [a-z] or _x_ or <key>.",
        ),
        (
            "<note><p>This action is only used by the agent. It is not for you.</p></note>",
            "Note: This action is only used by the agent.",
        ),
        (
            "<p>Visit https://example.com/x. Then.</p>",
            "Visit https://example.com/x.",
        ),
        ("<p>No period at all</p>", "No period at all"),
        ("", ""),
        ("   \n\t ", ""),
    ];
    for (html, expected) in cases {
        assert_eq!(first_sentence(html), expected, "{html}");
    }
}

#[test]
fn doc_attrs_one_per_line() {
    let attrs = doc_attrs("First line.\n\n- item\n  more\n");
    let expected = quote! {
        #[doc = " First line."]
        #[doc = ""]
        #[doc = " - item"]
        #[doc = "   more"]
    };
    assert_eq!(attrs.to_string(), expected.to_string());
    assert!(doc_attrs("").is_empty());
    assert!(doc_attrs(" \n\t\n").is_empty());
    let quoted = doc_attrs("Say \"hi\" \\ there");
    assert_eq!(
        quoted.to_string(),
        quote! { #[doc = " Say \"hi\" \\ there"] }.to_string()
    );
}

#[test]
fn empty_and_whitespace_input() {
    for html in [
        "",
        "  \n\t",
        "<p></p>",
        "<p> </p>\n<note>\n</note>",
        "<code> </code>",
    ] {
        assert_eq!(to_markdown(html), "", "{html:?}");
    }
}

#[test]
fn malformed_input_does_not_panic() {
    let nasty = [
        "<",
        ">",
        "<<>>",
        "</",
        "<a",
        "<a href=",
        "<a href=\"",
        "</a>",
        "<p",
        "<!--",
        "<!-- x",
        "<!doctype html>",
        "<?xml ?>",
        "&",
        "&#",
        "&#x;",
        "&#xFFFFFFFF;",
        "&#9999999999;",
        "<code>",
        "<code><code></code>",
        "<pre>",
        "<pre>\n",
        "<note>",
        "</note></note>",
        "<ul><li>",
        "<ol start=\"x\"><li>a",
        "<dl><dt>",
        "<table><tr><td>x",
        "<a href=\"http://\">x</a>",
        "http://",
        "https://.",
        "(https://x.y/(a)_b)",
        "[",
        "]",
        "`",
        "```",
        "\\",
        "*_*",
        "<b><i>x</b></i>",
        "<p>\u{E000}</p>",
        "<pre>\u{E000}`x</pre>",
        "é<é>é",
        "<𝔸>",
        "<a href='https://x.y/\"q'>t</a>",
        "1. x",
        "- x",
        "# x",
        "> x",
        "    code",
    ];
    for html in nasty {
        let md = to_markdown(html);
        let _ = first_sentence(html);
        let _ = doc_attrs(&md);
        assert_eq!(problems(&md), Vec::<String>::new(), "{html:?} gave {md:?}");
    }
    // Deterministic tag soup built from the pieces above.
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for _ in 0..2000 {
        let mut html = String::new();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            html.push_str(nasty[(seed % nasty.len() as u64) as usize]);
        }
        let md = to_markdown(&html);
        let _ = first_sentence(&html);
        assert_eq!(problems(&md), Vec::<String>::new(), "{html:?} gave {md:?}");
    }
}

/// The Smithy corpus beside the repository (or in `$AWSGEN_SHARED`). Absent, the tests
/// skip, except under `CI=true`, where they fail.
fn models_dir() -> PathBuf {
    let shared = std::env::var_os("AWSGEN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let dir = shared.join("aws-models");
    assert!(
        dir.is_dir() || std::env::var("CI").map_or(true, |v| v != "true"),
        "CI=true and {} is absent",
        dir.display()
    );
    dir
}

/// Every `smithy.api#documentation` string of a Smithy JSON AST model, with the shape it is on.
fn documentation_of(model: &serde_json::Value) -> Vec<(String, String)> {
    let mut docs = Vec::new();
    let doc_of = |traits: &serde_json::Value| {
        traits
            .get("traits")?
            .get("smithy.api#documentation")?
            .as_str()
            .map(str::to_string)
    };
    let shapes = model.get("shapes").and_then(|s| s.as_object());
    for (id, shape) in shapes.into_iter().flatten() {
        docs.extend(doc_of(shape).map(|d| (id.clone(), d)));
        let members = shape.get("members").and_then(|m| m.as_object());
        for (name, member) in members.into_iter().flatten() {
            docs.extend(doc_of(member).map(|d| (format!("{id}${name}"), d)));
        }
    }
    docs
}

fn check_models(paths: &[PathBuf]) -> usize {
    let mut count = 0;
    let mut failures = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let model: serde_json::Value = serde_json::from_str(&text).expect("model is JSON");
        for (id, html) in documentation_of(&model) {
            count += 1;
            let md = to_markdown(&html);
            let _ = first_sentence(&html);
            // Text outside tags must survive (`<p/>` alone is a model's way to say nothing).
            let text_outside_tags = html
                .split('<')
                .any(|s| s.split_once('>').map_or(s, |(_, t)| t).trim() != "");
            if text_outside_tags && md.is_empty() {
                failures.push(format!("{id}: empty Markdown"));
            }
            failures.extend(problems(&md).into_iter().map(|p| format!("{id}: {p}")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
    count
}

#[test]
fn every_ecs_and_batch_doc_follows_the_rustdoc_rules() {
    let dir = models_dir();
    if !dir.is_dir() {
        println!("skipped: {} is absent", dir.display());
        return;
    }
    let paths = [
        dir.join("ecs/service/2014-11-13/ecs-2014-11-13.json"),
        dir.join("batch/service/2016-08-10/batch-2016-08-10.json"),
    ];
    let count = check_models(&paths);
    assert!(count > 1500, "only {count} docs found");
}

/// All models in shared/ (about 220,000 docs): `cargo test -p awsgen every_model -- --ignored`.
#[test]
#[ignore = "slow: reads every model in shared/aws-models"]
fn every_model_doc_follows_the_rustdoc_rules() {
    let dir = models_dir();
    let Ok(services) = std::fs::read_dir(&dir) else {
        println!("skipped: {} is absent", dir.display());
        return;
    };
    let mut paths = Vec::new();
    for service in services.flatten() {
        for version in std::fs::read_dir(service.path().join("service"))
            .into_iter()
            .flatten()
            .flatten()
        {
            for file in std::fs::read_dir(version.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                if file.path().extension().is_some_and(|e| e == "json") {
                    paths.push(file.path());
                }
            }
        }
    }
    paths.sort();
    println!("{} docs checked", check_models(&paths));
}
