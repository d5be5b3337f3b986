// SPDX-License-Identifier: Apache-2.0
package dev.milink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.check.Area;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Remediation;
import dev.milink.core.check.Severity;
import dev.milink.core.check.Status;
import dev.milink.core.check.Target;
import dev.milink.core.model.Direction;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** JUnit XML parses, validates against the Jenkins xUnit junit-10.xsd, and maps every status as documented. */
class JUnitReportRendererTest {

    private static String render(AssessmentReport report) throws IOException {
        return Rendered.by(new JUnitReportRenderer(), report);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        var schema = factory.newSchema(new StreamSource(JUnitReportRendererTest.class
                .getResourceAsStream("/junit/junit-10.xsd")));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    @Test
    void validAgainstTheJenkinsSchemaWithCountsThatMatchTheTestCases() throws Exception {
        for (AssessmentReport report : List.of(SampleReport.notReady(), SampleReport.fleet())) {
            String xml = render(report);
            validate(xml);
            Document doc = parse(xml);
            NodeList suites = doc.getElementsByTagName("testsuite");
            assertThat(suites.getLength()).isEqualTo(report.targets().size());
            int total = 0;
            for (int i = 0; i < suites.getLength(); i++) {
                Element suite = (Element) suites.item(i);
                int cases = suite.getElementsByTagName("testcase").getLength();
                assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(cases));
                assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(
                        suite.getElementsByTagName("failure").getLength()));
                assertThat(suite.getAttribute("errors")).isEqualTo(String.valueOf(
                        suite.getElementsByTagName("error").getLength()));
                assertThat(suite.getAttribute("skipped")).isEqualTo(String.valueOf(
                        suite.getElementsByTagName("skipped").getLength()));
                total += cases;
            }
            assertThat(total).isEqualTo(report.findings().size());
            assertThat(doc.getDocumentElement().getAttribute("tests")).isEqualTo(String.valueOf(total));
        }
    }

    @Test
    void mapsEveryStatusAsDocumented() throws Exception {
        Target t = Target.instance("sql01");
        AssessmentReport report = new AssessmentReport("0.1.0", SampleReport.CREATED, Direction.SQL_TO_MI,
                List.of("sql01"), List.of(
                finding("MIL-A", Status.PASS, Severity.BLOCKER, t),
                finding("MIL-B", Status.FAIL, Severity.BLOCKER, t),
                finding("MIL-C", Status.WARN, Severity.WARNING, t),
                finding("MIL-D", Status.INFO, Severity.INFO, t),
                finding("MIL-E", Status.UNKNOWN, Severity.BLOCKER, t),
                finding("MIL-F", Status.UNKNOWN, Severity.WARNING, t),
                finding("MIL-G", Status.ERROR, Severity.BLOCKER, t),
                finding("MIL-H", Status.SKIPPED, Severity.BLOCKER, t),
                finding("MIL-I", Status.FAIL, Severity.BLOCKER, t).suppressed("accepted by the owner")), List.of());
        Document doc = parse(render(report));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(9);
        assertThat(outcome((Element) cases.item(0))).isEqualTo("passed");
        assertThat(outcome((Element) cases.item(1))).isEqualTo("failure FAIL");
        assertThat(outcome((Element) cases.item(2))).isEqualTo("system-out");
        assertThat(outcome((Element) cases.item(3))).isEqualTo("system-out");
        assertThat(outcome((Element) cases.item(4))).isEqualTo("failure UNKNOWN");
        assertThat(outcome((Element) cases.item(5))).isEqualTo("skipped UNKNOWN: Reason & <why>.");
        assertThat(outcome((Element) cases.item(6))).isEqualTo("error ERROR");
        assertThat(outcome((Element) cases.item(7))).isEqualTo("skipped SKIPPED: Reason & <why>.");
        assertThat(outcome((Element) cases.item(8))).isEqualTo("skipped suppressed (was FAIL): accepted by the owner");
    }

    @Test
    void controlCharactersAndMarkupInNamesStayValidXml() throws Exception {
        Target db = Target.database("sql01", "bad\u0001name]]></x>\"'&\uD800");
        AssessmentReport report = new AssessmentReport("0.1.0", SampleReport.CREATED, Direction.SQL_TO_MI,
                List.of("sql01"), List.of(finding("MIL-B", Status.FAIL, Severity.BLOCKER, db)), List.of());
        String xml = render(report);
        validate(xml);
        Element testcase = (Element) parse(xml).getElementsByTagName("testcase").item(0);
        assertThat(testcase.getAttribute("name")).isEqualTo("MIL-B [bad\uFFFDname]]]]></x>\"'&\uFFFD]: Example");
    }

    private static String outcome(Element testcase) {
        for (String tag : List.of("failure", "error", "skipped")) {
            NodeList n = testcase.getElementsByTagName(tag);
            if (n.getLength() == 1) {
                Element e = (Element) n.item(0);
                return tag + " " + (tag.equals("skipped") ? e.getAttribute("message") : e.getAttribute("type"));
            }
        }
        return testcase.getElementsByTagName("system-out").getLength() == 1 ? "system-out" : "passed";
    }

    private static Finding finding(String id, Status status, Severity severity, Target target) {
        return new Finding(id, "Example", Area.INSTANCE, status, severity, target, "Reason & <why>.", Evidence.NONE,
                Remediation.NONE);
    }
}
