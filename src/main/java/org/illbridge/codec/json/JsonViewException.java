package org.illbridge.codec.json;

/** A JSON document that is not a valid ISO ILL value: names the element and what is wrong. */
public final class JsonViewException extends Exception {

    public JsonViewException(String path, String problem) {
        super(path + ": " + problem);
    }
}
