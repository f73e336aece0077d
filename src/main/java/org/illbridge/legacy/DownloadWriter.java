package org.illbridge.legacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes download rows in their format: RFC 4180 CSV under a header row, or JSON lines. */
public abstract sealed class DownloadWriter {

    protected final Writer out;

    private DownloadWriter(Writer out) {
        this.out = out;
    }

    public static DownloadWriter of(DownloadFormat format, Writer out) {
        return format == DownloadFormat.CSV ? new Csv(out) : new JsonLines(out);
    }

    public abstract void begin();

    public abstract void write(DownloadRow row);

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void append(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class Csv extends DownloadWriter {
        Csv(Writer out) {
            super(out);
        }

        @Override
        public void begin() {
            append(String.join(",", DownloadRow.COLUMNS) + "\r\n");
        }

        @Override
        public void write(DownloadRow row) {
            StringBuilder line = new StringBuilder();
            for (Object value : row.values().values()) {
                if (!line.isEmpty()) {
                    line.append(',');
                }
                line.append(field(value));
            }
            append(line.append("\r\n").toString());
        }

        /** A field quoted where it must be: a comma, a quote or a line break in it. */
        static String field(Object value) {
            String text = value == null ? "" : value.toString();
            if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                return text;
            }
            return '"' + text.replace("\"", "\"\"") + '"';
        }
    }

    static final class JsonLines extends DownloadWriter {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        JsonLines(Writer out) {
            super(out);
        }

        @Override
        public void begin() {
            // no header: every line names its fields
        }

        @Override
        public void write(DownloadRow row) {
            Map<String, Object> values = row.values();
            append(JSON.writeValueAsString(values) + "\n");
        }
    }
}
