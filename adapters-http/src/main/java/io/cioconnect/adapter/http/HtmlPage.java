package io.cioconnect.adapter.http;

import io.javalin.http.Context;

/**
 * The small HTML pages a browser sees when a flow cannot be handed back to {@code return_to}. Plain
 * markup: no script, no style, no form, and only texts of ours (escaped all the same).
 */
final class HtmlPage {

    private HtmlPage() {
    }

    /** Answers {@code status} with a page saying {@code message} under {@code title}. */
    static void render(Context ctx, int status, String title, String message) {
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n</head>\n<body>\n<main>\n"
                + "<h1>" + escape(title) + "</h1>\n"
                + "<p>" + escape(message) + "</p>\n"
                + "</main>\n</body>\n</html>\n";
        ctx.status(status).contentType("text/html; charset=utf-8").result(page);
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
