package org.illbridge.web;

/** The thing asked for does not exist: answered 404 with the sentence. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
