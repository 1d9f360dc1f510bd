package io.cioconnect.adapter.http;

import io.cioconnect.application.port.in.Readiness;
import java.util.List;

/** The body of {@code /health/ready}: {@code {"status":"UP"|"DOWN","checks":[{"name","status"}]}}. */
record ReadinessResponse(String status, List<CheckResponse> checks) {

    static final String UP = "UP";
    static final String DOWN = "DOWN";

    /** One check by its stable name; nothing else (no error text), so the body never tells more than UP or DOWN. */
    record CheckResponse(String name, String status) {
    }

    static ReadinessResponse from(Readiness readiness) {
        return new ReadinessResponse(status(readiness.up()),
                readiness.checks().stream().map(check -> new CheckResponse(check.name(), status(check.up()))).toList());
    }

    private static String status(boolean up) {
        return up ? UP : DOWN;
    }
}
