package org.illbridge.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.illbridge.config.ProfileRegistry;
import org.illbridge.legacy.Download;
import org.illbridge.legacy.DownloadFormat;
import org.illbridge.legacy.MessageFileDownload;
import org.illbridge.protocol.Role;
import org.illbridge.store.MessageFileStore;
import org.illbridge.store.Queue;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message file for a legacy system, MicroEnhancer style: {@code GET} reads it, {@code POST}
 * with {@code mark-in-process=true} also moves the Pending lending requests it read to In Process.
 */
@RestController
public class MessageFileDownloadController {

    private final MessageFileDownload downloads;

    public MessageFileDownloadController(MessageFileStore messageFile, ProfileRegistry profiles,
                                         TransactionTemplate transactions, Clock clock) {
        this.downloads = new MessageFileDownload(messageFile, profiles, transactions, clock);
    }

    /**
     * @param queue the queues to download (repeat it for several; all when absent), as the page names them
     * @param role lending or borrowing (both when absent)
     * @param format csv or jsonl
     */
    @GetMapping("/api/requests/download")
    public void read(@RequestParam(required = false) List<String> queue, @RequestParam(required = false) String role,
                     @RequestParam(defaultValue = "csv") String format, Principal principal,
                     HttpServletResponse response) throws IOException {
        send(download(queue, role, format, false), principal, response);
    }

    /** The same, and with {@code mark-in-process=true} the Pending lending requests read move to In Process. */
    @PostMapping("/api/requests/download")
    public void readAndMark(@RequestParam(required = false) List<String> queue, @RequestParam(required = false) String role,
                            @RequestParam(defaultValue = "csv") String format,
                            @RequestParam(name = "mark-in-process", defaultValue = "false") boolean markInProcess,
                            Principal principal, HttpServletResponse response) throws IOException {
        send(download(queue, role, format, markInProcess), principal, response);
    }

    private void send(Download download, Principal principal, HttpServletResponse response) throws IOException {
        response.setContentType(download.format().mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        downloads.download(download, principal == null ? "someone" : principal.getName(), out);
    }

    private static Download download(List<String> queues, String role, String format, boolean mark) {
        return new Download(queues == null ? List.of() : queues.stream().map(MessageFileDownloadController::queue).toList(),
                role == null || role.isBlank() ? null : role(role), DownloadFormat.ofName(format), mark);
    }

    private static Queue queue(String label) {
        return Arrays.stream(Queue.values()).filter(q -> q.label().equalsIgnoreCase(label.trim())).findFirst()
                .orElseThrow(() -> new BadRequestException("queue '" + label + "' is not a queue; the queues are "
                        + String.join(", ", Arrays.stream(Queue.values()).map(Queue::label).toList())));
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("role '" + role + "' is not lending or borrowing");
        }
    }
}
