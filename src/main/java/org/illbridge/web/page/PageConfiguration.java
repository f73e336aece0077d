package org.illbridge.web.page;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The staff page's settings. */
@Configuration
@EnableConfigurationProperties(PageProperties.class)
public class PageConfiguration {
}
