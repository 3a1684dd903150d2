//! `framework=` links (issue #13) against the real libraries: for each link in
//! `tests/e2e/framework-links.json`, the page's card for the library shows the fixture's call
//! (`tests/golden/frameworks.json`) and prints the fixture's output, as PyTorch prints it. The
//! browser runs the same links (`tests/e2e/framework-links.spec.js`).

use serde_json::Value;
use upsample_explainer::core::{framework_python, torch_repr, Framework};
use upsample_explainer::model::elsewhere::elsewhere_markup;
use upsample_explainer::parity::{framework_args, tensor};

fn read(path: &str) -> Value {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))).unwrap()
}

/// The link's query, as the browser test builds it: the fixture's input, the PyTorch call,
/// the library and its changed options.
fn query(link: &Value, case: &Value) -> String {
    let input = &case["input"];
    let shape: Vec<String> = input["shape"].as_array().unwrap().iter().map(|n| n.to_string()).collect();
    let data: Vec<String> =
        input["data"].as_array().unwrap().iter().map(|v| (v.as_f64().unwrap() as f32).to_string()).collect();
    let mut q = format!(
        "input={}:{}&{}&framework={}",
        shape.join("x"),
        data.join(","),
        link["call"].as_str().unwrap(),
        link["framework"].as_str().unwrap()
    );
    if let Some(a) = link["framework_args"].as_str() {
        q.push_str(&format!("&framework_args={a}"));
    }
    q + "&lang=en"
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[test]
fn each_link_prints_the_librarys_output() {
    let fixtures = read("tests/golden/frameworks.json");
    let links = read("tests/e2e/framework-links.json");
    let links = links["links"].as_array().unwrap();
    let mut libraries = std::collections::BTreeSet::new();
    for link in links {
        let id = link["id"].as_str().unwrap();
        let case = fixtures["cases"].as_array().unwrap().iter().find(|c| c["id"].as_str() == Some(id)).unwrap();
        let name = case["framework"].as_str().unwrap();
        assert_eq!(link["framework"].as_str(), Some(name), "{id}");
        libraries.insert(name);
        let markup = elsewhere_markup(&query(link, case));
        let tag = format!(r#"<article class="library focus" data-framework="{name}""#);
        let start = markup.find(&tag).unwrap_or_else(|| panic!("{id}: no card marked as the link's"));
        let card = &markup[start..start + markup[start..].find("</article>").unwrap()];
        // The card shows the fixture's call, in the library's own arguments...
        let args = framework_args(name, &case["args"]).unwrap();
        let code = framework_python(&args);
        assert!(unescape(card).contains(&code), "{id}: the card does not show\n{code}\n{card}");
        // ...and prints the library's output, unfolded and marked for the browser test.
        let marker = r#"<pre class="repr" data-testid="framework-repr">"#;
        let from = card.find(marker).unwrap_or_else(|| panic!("{id}: no framework-repr")) + marker.len();
        let printed = unescape(&card[from..from + card[from..].find("</pre>").unwrap()]);
        let expected = torch_repr(&tensor(&case["expected"]).unwrap());
        if name == "jax" {
            // JAX is reproduced within the parity tolerance (README): the printout's digits may
            // differ by one in the last place.
            let numbers = |s: &str| -> Vec<f64> {
                s.split(|c: char| !(c.is_ascii_digit() || "-.e+".contains(c))).filter_map(|t| t.parse().ok()).collect()
            };
            let (a, b) = (numbers(&printed), numbers(&expected));
            assert_eq!(a.len(), b.len(), "{id}:\n{printed}\n{expected}");
            assert!(a.iter().zip(&b).all(|(x, y)| (x - y).abs() <= 1.01e-4), "{id}:\n{printed}\n{expected}");
        } else {
            assert_eq!(printed, expected, "{id}");
        }
    }
    let all: Vec<&str> = Framework::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(libraries.into_iter().collect::<Vec<_>>().len(), all.len(), "every library has a link");
}
