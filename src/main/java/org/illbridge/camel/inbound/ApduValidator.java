package org.illbridge.camel.inbound;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.protocol.ReasonCode;
import org.illbridge.protocol.Refusal;

/**
 * The checks every inbound APDU passes before it may touch the message file: no extension marked
 * critical that illbridge cannot read, and the elements illbridge needs present (an ILL-Request
 * names its item's title and its requester).
 */
public final class ApduValidator implements Processor {

    @Override
    public void process(Exchange exchange) {
        InboundApdu inbound = exchange.getMessage().getHeader(InboundApdu.HEADER, InboundApdu.class);
        Apdu apdu = inbound.apdu();
        rejectUnknownCriticalExtensions(apdu);
        if (apdu.type() == ApduType.ILL_REQUEST) {
            require(apdu, apdu.at("item-id", "title").isPresent(), "item-id.title", "title");
            require(apdu, inbound.requesterSymbol() != null, "requester-id", "requesting library's symbol");
        }
    }

    private static void rejectUnknownCriticalExtensions(Apdu apdu) {
        for (AsnValue.Field field : apdu.body().fields()) {
            if (!field.name().endsWith("-extensions") || !(field.value() instanceof AsnValue.SequenceOf extensions)) {
                continue;
            }
            for (AsnValue extension : extensions.elements()) {
                AsnValue.Sequence ext = (AsnValue.Sequence) extension;
                boolean critical = ext.get("critical").map(c -> ((AsnValue.Bool) c).value()).orElse(false);
                if (critical && !understood(ext.get("item").orElse(null))) {
                    throw new RefusedApduException(new Refusal(ReasonCode.UNKNOWN_CRITICAL_EXTENSION,
                            "The " + apdu.type().asnName() + " carries an extension marked critical that illbridge does not"
                                    + " know (" + describe(ext.get("item").orElse(null)) + "); it cannot be processed without it.",
                            new Refusal.UnableToPerform("other", Refusal.Detail.unrecognized(
                                    ApduErrors.element(apdu.type(), field.name())))));
                }
            }
        }
    }

    /** Whether the extension's content decoded as a type illbridge knows. */
    private static boolean understood(AsnValue item) {
        if (!(item instanceof AsnValue.Typed typed) || !(typed.value() instanceof AsnValue.Sequence external)) {
            return false;
        }
        return external.get("encoding")
                .map(encoding -> ((AsnValue.Choice) encoding).value() instanceof AsnValue.Typed)
                .orElse(false);
    }

    private static String describe(AsnValue item) {
        if (item instanceof AsnValue.Typed typed && typed.value() instanceof AsnValue.Sequence external) {
            return external.get("direct-reference").map(oid -> "OID " + ((AsnValue.Oid) oid).dotted()).orElse("no OID");
        }
        return "content that is not an EXTERNAL";
    }

    private static void require(Apdu apdu, boolean present, String path, String what) {
        if (!present) {
            String element = ApduErrors.element(apdu.type(), path);
            throw new RefusedApduException(new Refusal(ReasonCode.MISSING_ELEMENT,
                    "The " + apdu.type().asnName() + " has no " + what + " (" + element + "), which is needed to process it.",
                    new Refusal.UnableToPerform("other", Refusal.Detail.missing(element))));
        }
    }
}
