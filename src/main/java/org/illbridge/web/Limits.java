package org.illbridge.web;

/** The page sizes the API accepts. */
final class Limits {

    static final int MAX = 1000;

    private Limits() {
    }

    static void check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new BadRequestException("limit must be between 1 and " + MAX + ", was " + limit);
        }
    }
}
