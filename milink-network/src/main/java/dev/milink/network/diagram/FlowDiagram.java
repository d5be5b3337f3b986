// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.diagram;

import dev.milink.network.rules.Flow;
import dev.milink.network.rules.LinkNetwork;
import java.util.List;

/**
 * Draws the link's required flows as a self-contained SVG: SQL Server on the left (its host firewall), the
 * managed instance subnet on the right (its NSG), the firewalls in between, and one arrow per flow with its
 * ports and direction. Deterministic text, so it is golden-file tested and can be embedded in HTML reports.
 *
 * @since 0.1
 */
public final class FlowDiagram {

    private static final int WIDTH = 900;
    private static final int ROW = 70;
    private static final int TOP = 150;

    private FlowDiagram() {
    }

    public static String svg(LinkNetwork network) {
        List<Flow> flows = network.flows();
        int height = TOP + flows.size() * ROW + 60;
        StringBuilder s = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"Segoe UI, Helvetica, Arial, sans-serif\" font-size=\"13\">\n")
                .append("  <title>Managed Instance link: required network flows</title>\n")
                .append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" ")
                .append("markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" ")
                .append("fill=\"#333\"/></marker></defs>\n")
                .append("  <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        box(s, 20, "SQL Server", String.join(", ", network.sqlServer().stream().map(Object::toString).toList()),
                "host firewall", height);
        box(s, WIDTH - 240, "Managed instance subnet", network.miSubnet().toString(), "subnet NSG", height);
        s.append("  <rect x=\"330\" y=\"70\" width=\"240\" height=\"").append(height - 90)
                .append("\" rx=\"6\" fill=\"#f4f4f4\" stroke=\"#999\" stroke-dasharray=\"6 4\"/>\n")
                .append(text(450, 95, "Firewalls, VPN / ExpressRoute gateways", "middle", "#555"))
                .append(text(450, 115, "must allow the same flows", "middle", "#555"));
        int y = TOP;
        for (Flow f : flows) {
            boolean fromSql = f.initiator() == Flow.Side.SQL_SERVER;
            int x1 = fromSql ? 240 : WIDTH - 240;
            int x2 = fromSql ? WIDTH - 240 : 240;
            s.append("  <line x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"").append(x2)
                    .append("\" y2=\"").append(y).append("\" stroke=\"").append(fromSql ? "#0a5ca8" : "#a8560a")
                    .append("\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>\n")
                    .append(text(450, y - 8, "TCP " + f.ports() + "  (" + f.initiator().label() + " opens)",
                            "middle", "#000"))
                    .append(text(450, y + 18, f.purpose(), "middle", "#555"));
            y += ROW;
        }
        return s.append("</svg>\n").toString();
    }

    private static void box(StringBuilder s, int x, String title, String addresses, String layer, int height) {
        s.append("  <rect x=\"").append(x).append("\" y=\"20\" width=\"220\" height=\"").append(height - 40)
                .append("\" rx=\"8\" fill=\"#eef4fb\" stroke=\"#0a5ca8\"/>\n")
                .append(text(x + 110, 45, title, "middle", "#000"))
                .append(text(x + 110, 65, addresses, "middle", "#333"))
                .append(text(x + 110, height - 30, "rules: " + layer, "middle", "#0a5ca8"));
    }

    private static String text(int x, int y, String value, String anchor, String color) {
        return "  <text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" fill=\"" + color + "\">"
                + escape(value) + "</text>\n";
    }

    private static String escape(String v) {
        return v.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
