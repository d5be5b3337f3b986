// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A fixed piece of work shaped like a fleet run's client (AES-GCM over 8 MB, as the TLS records of 150 instances,
 * and string and map churn), run by {@code bin/bench-fleet-cpu.sh} on milink's core after every fleet run, with the
 * launcher's JVM flags. It prints the process's CPU seconds: on this shared host the same work costs more CPU when a
 * neighbour is busy, so a fleet run's CPU is read next to this number (docs/benchmarks.md, "Sixth pass").
 */
public final class Calibrate {

    private Calibrate() {
    }

    public static void main(String[] args) throws Exception {
        byte[] record = new byte[16 * 1024];
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        byte[] iv = new byte[12];
        long sink = 0;
        for (int i = 0; i < 512; i++) { // 8 MB
            iv[0] = (byte) i;
            iv[1] = (byte) (i >> 8);
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            sink += gcm.doFinal(record)[0];
        }
        for (int round = 0; round < 40; round++) {
            Map<String, Integer> m = new HashMap<>();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                String s = "finding " + i + " of instance " + round;
                m.merge(s.substring(0, Math.min(s.length(), 12 + i % 7)), s.length(), Integer::sum);
                b.append(s.toLowerCase()).append('\n');
            }
            sink += m.size() + b.length();
        }
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.printf("%.2f%n", cpu / 1e9 + (sink == 42 ? 1e-9 : 0));
    }
}
