package io.cioconnect.adapter.http;

/** Optional JSON body of {@code POST /api/v1/connections/{id}/access-token}. */
record AccessTokenRequest(Boolean forceRefresh) {

    boolean forced() {
        return Boolean.TRUE.equals(forceRefresh);
    }
}
