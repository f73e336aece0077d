package org.illbridge.codec.ill.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.illbridge.codec.ill.IllCodec;
import org.junit.jupiter.api.Test;

/** What the message file keeps of an ILL-Request, read from a request YAZ encoded. */
class CitationTest {

    @Test
    void readsTheItemTheOclcNumberAndThePatron() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/yaz-vectors/02-ill-request-oclc-complete.ber"));

        Citation citation = Citation.of(new IllCodec().decode(bytes), StandardCharsets.UTF_8);

        assertThat(citation).isEqualTo(new Citation("On the origin of species", "Darwin, Charles", "20261231", "USD 25.00",
                "1234567", "Jane Reader"));
    }

    @Test
    void aMinimalRequestHasNoOclcNumberAndNoPatron() throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of("src/test/resources/yaz-vectors/01-ill-request-minimal.ber"));

        Citation citation = Citation.of(new IllCodec().decode(bytes), StandardCharsets.UTF_8);

        assertThat(citation.oclcNumber()).isNull();
        assertThat(citation.patron()).isNull();
    }
}
