package org.illbridge.config;

import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.core.convert.ConversionFailedException;

/**
 * The profile file holds something a profile cannot be: said in one sentence that names the
 * file, the entry (and its line, when known), the value and what is wrong with it.
 */
public final class ProfileFileException extends IllegalArgumentException {

    ProfileFileException(Path file, BindException failure) {
        super(sentence(file, failure), failure);
    }

    private static String sentence(Path file, BindException failure) {
        ConfigurationProperty property = failure.getProperty();
        StringBuilder where = new StringBuilder("The profiles in ").append(file).append(": ");
        where.append(property != null ? property.getName() : failure.getName());
        if (property != null && property.getOrigin() != null) {
            where.append(" (").append(property.getOrigin()).append(")");
        }
        Throwable cause = failure.getCause();
        while (cause != null && cause.getCause() != null && !(cause instanceof ConversionFailedException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ConversionFailedException conversion && conversion.getTargetType().getType().isEnum()) {
            Object[] allowed = conversion.getTargetType().getType().getEnumConstants();
            StringBuilder names = new StringBuilder();
            for (Object value : allowed) {
                names.append(names.isEmpty() ? "" : ", ").append(value.toString().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return where + ": '" + conversion.getValue() + "' is not one of " + names + ".";
        }
        String what = cause != null && cause.getMessage() != null ? cause.getMessage() : failure.getMessage();
        return where + ": " + what + (property != null ? " (the value was '" + property.getValue() + "')" : "") + ".";
    }
}
