package org.illbridge.support;

/** The JSON of a new borrowing request as staff place it (POST /api/requests), complete by OCLC's rules. */
public final class NewRequests {

    private NewRequests() {
    }

    /** From OCL to OCLC, with the transaction-qualifier {@code qualifier}. */
    public static String complete(String qualifier) {
        return """
                {"symbol": "OCL", "responder": "OCLC", "transaction-qualifier": "%s",
                 "title": "Moby-Dick", "author": "Melville, Herman", "verification": "OCLC WorldCat",
                 "need-before": "20261231",
                 "ship-to": {"name": "OCL Library ILL", "street": "1 Main St", "city": "Dublin", "region": "OH",
                             "postal-code": "43017", "country": "US"}}""".formatted(qualifier);
    }
}
