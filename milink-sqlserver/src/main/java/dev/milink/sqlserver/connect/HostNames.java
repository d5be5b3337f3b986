// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Does a server certificate name the host milink connected to? RFC 6125 / RFC 9525 rules, as browsers apply them:
 * an IP address matches only an IP address entry of the subject alternative names; a DNS name matches a DNS entry
 * case-insensitively (IDN compared in ASCII, a trailing dot ignored), where a {@code *} is allowed only as the whole
 * left-most label, stands for exactly one label, never in an IP address, and never directly below a top-level
 * domain ({@code *.com}). The subject's CN is used only when the certificate has no DNS entry at all (older SQL
 * Server certificates), as mssql-jdbc itself does.
 */
final class HostNames {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private HostNames() {
    }

    /** Whether {@code certificate} is issued to {@code host} (a DNS name or an IP literal). */
    static boolean matches(String host, X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == SAN_DNS) {
                        dns.add((String) san.get(1));
                    } else if (type == SAN_IP) {
                        ips.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (isIpLiteral(h)) {
            return ips.stream().anyMatch(ip -> sameAddress(ip, h));
        }
        if (dns.isEmpty()) {
            String cn = commonName(certificate);
            return cn != null && dnsMatches(h, cn);
        }
        return dns.stream().anyMatch(pattern -> dnsMatches(h, pattern));
    }

    /** {@code host} against one certificate name, with the wildcard rules above. */
    static boolean dnsMatches(String host, String pattern) {
        String h = ascii(host);
        String p = ascii(pattern);
        if (h == null || p == null || h.isEmpty() || p.isEmpty()) {
            return false;
        }
        if (!p.contains("*")) {
            return h.equals(p);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0) {
            return false; // partial (f*.example.com) or inner wildcards are not honoured
        }
        String suffix = p.substring(1); // ".example.com"
        if (suffix.chars().filter(c -> c == '.').count() < 2 || isIpLiteral(h)) {
            return false; // *.com, or a wildcard against an address
        }
        if (!h.endsWith(suffix)) {
            return false;
        }
        String label = h.substring(0, h.length() - suffix.length());
        return !label.isEmpty() && label.indexOf('.') < 0;
    }

    private static String ascii(String name) {
        try {
            String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
            return IDN.toASCII(n, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // literals only: InetAddress.getByName does no lookup for them
            return isIpLiteral(a) && InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String commonName(X509Certificate certificate) {
        try {
            LdapName name = new LdapName(certificate.getSubjectX500Principal().getName());
            String cn = null;
            for (Rdn rdn : name.getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    cn = rdn.getValue().toString();
                }
            }
            return cn;
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
