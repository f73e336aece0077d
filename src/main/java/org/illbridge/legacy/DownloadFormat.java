package org.illbridge.legacy;

import java.util.Arrays;
import java.util.Locale;

/** How a message-file download is written: CSV with a header row, or one JSON object per line. */
public enum DownloadFormat {
    CSV("csv", "text/csv"),
    JSON_LINES("jsonl", "application/jsonl");

    private final String name;
    private final String mediaType;

    DownloadFormat(String name, String mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }

    /** The name used in the API and on the command line, and the file extension. */
    public String formatName() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    public static DownloadFormat ofName(String name) {
        return Arrays.stream(values()).filter(f -> f.name.equals(name.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("format '" + name + "' is not csv or jsonl"));
    }
}
