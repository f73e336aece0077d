package org.illbridge.web;

/** The request itself is wrong: answered 400 with the sentence. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
