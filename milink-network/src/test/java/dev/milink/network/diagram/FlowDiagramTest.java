// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.network.rules.Cidr;
import dev.milink.network.rules.LinkNetwork;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Golden file: regenerate with {@code -Dmilink.golden.update=true} after an intended change. */
class FlowDiagramTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden/diagram/flows.svg");
    private static final LinkNetwork NETWORK = new LinkNetwork(List.of(Cidr.parse("192.0.2.10")),
            Cidr.parse("10.0.0.0/24"), 5022);

    @Test
    void matchesGoldenFile() throws IOException {
        String svg = FlowDiagram.svg(NETWORK);
        if (Boolean.getBoolean("milink.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, svg, StandardCharsets.UTF_8);
        }
        assertThat(svg).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    @Test
    void isWellFormedSvgWithOneArrowPerFlow() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(FlowDiagram.svg(NETWORK).getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("line").getLength()).isEqualTo(NETWORK.flows().size());
        assertThat(FlowDiagram.svg(NETWORK)).contains("TCP 5022", "TCP 11000-11999", "192.0.2.10/32", "10.0.0.0/24");
    }
}
