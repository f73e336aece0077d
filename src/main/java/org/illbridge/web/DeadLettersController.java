package org.illbridge.web;

import java.util.List;
import org.illbridge.inbound.DeadLetterReplays;
import org.illbridge.store.DeadLetter;
import org.illbridge.store.DeadLetterStatus;
import org.illbridge.store.DeadLetterStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Refused APDUs: see why, replay one after a fix, or discard it. */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLettersController {

    private final DeadLetterStore deadLetters;
    private final DeadLetterReplays replayer;

    public DeadLettersController(DeadLetterStore deadLetters, DeadLetterReplays replayer) {
        this.deadLetters = deadLetters;
        this.replayer = replayer;
    }

    /** @param status open (default), replayed, discarded, or all */
    @GetMapping
    public List<DeadLetter> list(@RequestParam(defaultValue = "open") String status,
                                 @RequestParam(defaultValue = "100") int limit) {
        Limits.check(limit);
        return deadLetters.list("all".equals(status) ? null : DeadLetterStatus.ofCode(status), limit);
    }

    @GetMapping("/{id}")
    public DeadLetter deadLetter(@PathVariable long id) {
        return deadLetters.find(id).orElseThrow(() -> new NotFoundException("no dead letter " + id));
    }

    @GetMapping("/{id}/raw")
    public ResponseEntity<byte[]> raw(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(deadLetters.rawBytes(id).orElseThrow(() -> new NotFoundException("no dead letter " + id)));
    }

    @PostMapping("/{id}/replay")
    public DeadLetterReplays.Replay replay(@PathVariable long id) {
        return replayer.replay(id).orElseThrow(() -> new NotFoundException("no open dead letter " + id));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> discard(@PathVariable long id) {
        if (!replayer.discard(id)) {
            throw new NotFoundException("no open dead letter " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
