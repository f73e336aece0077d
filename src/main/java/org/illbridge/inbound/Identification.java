package org.illbridge.inbound;

/** What identifying an inbound APDU came to: the APDU, known for what it is, or its refusal. */
public sealed interface Identification permits IdentifiedApdu, InboundOutcome.Refused {
}
