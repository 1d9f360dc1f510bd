package io.cioconnect.bootstrap.badinput;

import io.cioconnect.bootstrap.badinput.RawHttp.Request;
import io.cioconnect.bootstrap.badinput.RawHttp.Response;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs a property: sends {@code tries} generated requests and checks every response. Each try draws its
 * values from a {@link Random} seeded with (run seed, property, try), so a failure names the seed that
 * reproduces it: {@code -Dbadinput.seed=<seed>}. {@code -Dbadinput.tries=<n>} runs more (or fewer) tries.
 */
final class Tries {

    /** A new seed each run, so each run explores new inputs; printed with every failure. */
    static final long SEED = Long.getLong("badinput.seed", new SecureRandom().nextLong());

    private static final int MAX_REPORTED = 5;

    private Tries() {
    }

    /** Sends what {@code generator} makes, {@code tries} times, and fails listing the first few broken rules. */
    static void check(String property, int tries, int port, Function<Random, Request> generator,
            BiFunction<Request, Response, List<String>> forbiddenSecrets) {
        int count = Integer.getInteger("badinput.tries", tries);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < count && failures.size() < MAX_REPORTED; i++) {
            Request request = generator.apply(new Random(SEED ^ (31L * property.hashCode() + i)));
            List<String> violations;
            Response response = null;
            try {
                response = RawHttp.send(port, request);
                statuses.merge(response.status(), 1, Integer::sum);
                List<String> forbidden = new ArrayList<>(forbiddenSecrets.apply(request, response));
                forbidden.addAll(request.mustNotEcho());
                violations = ResponseInvariants.violations(request, response, forbidden);
            } catch (IOException | RuntimeException e) {
                violations = List.of("no usable answer: " + e);
            }
            if (!violations.isEmpty()) {
                failures.add("try " + i + ": " + String.join("; ", violations) + "\n--- request:\n" + request.describe()
                        + (response == null ? "" : "\n--- response:\n" + Printable.of(response.everything(), 1500)));
            }
        }
        // What the tries reached, so a property that only ever hits one wall shows it.
        System.out.println("bad input, " + property + ": " + count + " tries, seed " + SEED + ", statuses " + statuses);
        if (!failures.isEmpty()) {
            throw new AssertionError("property '" + property + "' broken (reproduce with -Dbadinput.seed=" + SEED + "):\n\n"
                    + String.join("\n\n", failures));
        }
    }
}
