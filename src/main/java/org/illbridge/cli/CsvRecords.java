package org.illbridge.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads RFC 4180 CSV record by record: quoted fields may hold commas, quotes ("") and line breaks. */
public final class CsvRecords {

    private CsvRecords() {
    }

    public static void read(Reader in, Consumer<List<String>> each) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inRecord = false;
        int c = in.read();
        while (c >= 0) {
            int next = in.read();
            if (quoted) {
                if (c == '"' && next == '"') {
                    field.append('"');
                    next = in.read();
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
                inRecord = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                inRecord = true;
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                each.accept(List.copyOf(fields));
                fields.clear();
                inRecord = false;
            } else if (c != '\r') {
                field.append((char) c);
                inRecord = true;
            }
            c = next;
        }
        if (inRecord) {
            fields.add(field.toString());
            each.accept(List.copyOf(fields));
        }
    }

    /** All records of {@code text}. */
    public static List<List<String>> all(String text) {
        List<List<String>> records = new ArrayList<>();
        try {
            read(new StringReader(text), records::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
