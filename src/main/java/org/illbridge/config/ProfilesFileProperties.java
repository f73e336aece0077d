package org.illbridge.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the ISO ILL profiles are read from ({@code illbridge.profiles-file}). */
@ConfigurationProperties("illbridge")
public record ProfilesFileProperties(@DefaultValue("config/application.yaml") Path profilesFile) {
}
