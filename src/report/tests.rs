//! The report's data from a small graph written for this test, in the shape `docs/vocabulary.md` gives.

use super::*;
use serde_json::json;

fn graph() -> Value {
    json!({"@graph": [
        {"@id": "urn:newsgraph:dataset", "@type": "Dataset"},
        {"@id": "urn:newsgraph:article:a1", "@type": "NewsArticle", "identifier": "a1", "headline": "Orland names a new chief",
         "datePublished": {"@type": "xsd:date", "@value": "2026-03-02"}, "inLanguage": "en",
         "fact": [{"@id": "urn:newsgraph:article:a1#fact-0", "@type": "Succession",
                   "evidence": {"@type": "Evidence", "sentenceText": "Dana Pryce will succeed Tom Hale as chief executive."}}]},
        {"@id": "urn:newsgraph:article:a2", "@type": "NewsArticle", "identifier": "a2", "inLanguage": "fr",
         "datePublished": {"@type": "xsd:dateTime", "@value": "2026-02-27T08:00:00+01:00"},
         "fact": [{"@id": "urn:newsgraph:article:a2#fact-3", "@type": ["RoleHolding", "OrganizationRole"],
                   "evidence": {"sentenceText": "Tom Hale, directeur général d'Orland, ..."}}]},
        {"@id": "urn:newsgraph:entity:person/dana-pryce", "@type": "Person", "name": "Dana Pryce"},
        {"@id": "urn:newsgraph:entity:person/tom-hale", "@type": "Person", "name": "Tom Hale"},
        {"@id": "urn:newsgraph:entity:organization/orland", "@type": "Organization", "name": "Orland Shipping"},
        {"@id": "urn:newsgraph:fact:1", "@type": "Succession", "modality": "future", "confidence": 0.9,
         "organization": "urn:newsgraph:entity:organization/orland", "successor": "urn:newsgraph:entity:person/dana-pryce",
         "predecessor": "urn:newsgraph:entity:person/tom-hale", "normalizedRole": "CEO", "roleName": ["chief executive"],
         "date": {"@type": "xsd:gYearMonth", "@value": "2026-06"}, "supportedBy": ["urn:newsgraph:article:a1#fact-0"]},
        {"@id": "urn:newsgraph:fact:2", "@type": ["RoleHolding", "OrganizationRole"], "modality": "asserted", "confidence": 0.8,
         "organization": "urn:newsgraph:entity:organization/orland", "person": "urn:newsgraph:entity:person/tom-hale",
         "roleName": ["directeur général"], "supportedBy": ["urn:newsgraph:article:a2#fact-3"]}
    ]})
}

#[test]
fn merged_facts_come_with_names_dates_and_evidence() {
    let data = report_data(&graph()).unwrap();
    assert_eq!(data.articles, 2);
    assert_eq!(
        data.facts[0],
        ReportFact {
            kind: "Succession".into(),
            modality: "future".into(),
            confidence: 0.9,
            organization: Some("Orland Shipping".into()),
            person: Some("Dana Pryce".into()),
            predecessor: Some("Tom Hale".into()),
            role: Some("CEO".into()),
            former: false,
            date: Some("2026-06".into()),
            languages: vec!["en".into()],
            evidence: vec![ReportEvidence {
                sentence: "Dana Pryce will succeed Tom Hale as chief executive.".into(),
                article: "a1".into(),
                headline: Some("Orland names a new chief".into()),
                url: None,
                published: Some("2026-03-02".into()),
                language: Some("en".into()),
            }],
        }
    );
    // No date of its own: the earliest article's day; the role as worded when not normalised.
    let holding = &data.facts[1];
    assert_eq!((holding.kind.as_str(), holding.role.as_deref(), holding.date.as_deref()), ("RoleHolding", Some("directeur général"), Some("2026-02-27")));
}

#[test]
fn the_page_inlines_the_data_and_no_text_can_close_its_script() {
    let mut data = report_data(&graph()).unwrap();
    data.facts[0].evidence[0].sentence = "A </script><script>alert(1)</script> trick".into();
    let page = render(&data);
    assert!(!page.contains("/*NEWSGRAPH_DATA*/"));
    assert!(page.contains(r#""organization":"Orland Shipping""#));
    assert!(!page.contains("</script><script>alert"));
    assert_eq!(page.matches("</script>").count(), 2, "the data element and the code, nothing more");
}

#[test]
fn a_document_without_a_graph_is_refused() {
    assert!(matches!(report_data(&json!({"name": "x"})), Err(ReportError::NotAGraph(_))));
}
