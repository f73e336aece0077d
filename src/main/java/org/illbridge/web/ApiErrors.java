package org.illbridge.web;

import java.util.NoSuchElementException;
import org.illbridge.outbound.ActionRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns the API's refusals into RFC 9457 problem details that carry the sentence. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({BadRequestException.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail missing(NoSuchElementException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A staff action refused by a partner's rules: 422 with the reason, the advice and the dead letter. */
    @ExceptionHandler(ActionRefusedException.class)
    ProblemDetail refused(ActionRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Refused: nothing was sent");
        problem.setProperty("reason-code", e.refused().code());
        problem.setProperty("advice", e.refused().advice());
        problem.setProperty("dead-letter", e.deadLetter());
        return problem;
    }
}
