package org.illbridge.management;

import org.jolokia.server.core.http.AgentServlet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JMX over HTTP at {@code /jolokia}, for consoles such as Hawtio: the same MBeans as remote JMX
 * (illbridge's and Camel's), behind the login, for operators only (the API's security chain covers
 * {@code /jolokia/**}). {@code illbridge.jolokia.enabled: false} turns it off.
 */
@Configuration
@ConditionalOnProperty(name = "illbridge.jolokia.enabled", havingValue = "true", matchIfMissing = true)
public class JolokiaConfiguration {

    @Bean
    ServletRegistrationBean<AgentServlet> jolokia() {
        ServletRegistrationBean<AgentServlet> servlet = new ServletRegistrationBean<>(new AgentServlet(), "/jolokia/*");
        servlet.setName("jolokia");
        // Spring Security has checked the login and the operator role before a request gets here: no login of its own
        servlet.addInitParameter("includeStackTrace", "false");
        servlet.addInitParameter("discoveryEnabled", "false");
        servlet.setLoadOnStartup(1);
        return servlet;
    }
}
