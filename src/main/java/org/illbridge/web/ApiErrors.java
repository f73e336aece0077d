package org.illbridge.web;

import java.util.NoSuchElementException;
import org.illbridge.outbound.ActionRefusedException;
import org.illbridge.store.TransactionChangedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the API's refusals and failures into RFC 9457 problem details that carry a sentence —
 * never an SQL statement or a stack trace. Spring's own request errors (malformed JSON, a wrong
 * method) are problem details too ({@link ResponseEntityExceptionHandler}).
 */
@RestControllerAdvice
public class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

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
        if (!e.refused().fields().isEmpty()) {
            problem.setProperty("fields", e.refused().fields());
        }
        return problem;
    }

    /** The request changed (an APDU arrived, a colleague acted) while the action was worked out: 409, nothing done. */
    @ExceptionHandler(TransactionChangedException.class)
    ProblemDetail changedMeanwhile(TransactionChangedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()
                + ". Look at the request again and act on what it shows now.");
        problem.setTitle("The request changed meanwhile");
        return problem;
    }

    /** A body that is not the JSON the API takes: say where, not "Failed to read request". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().lines().findFirst().orElse("");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not the JSON this call takes: " + what);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The database is away (down, unreachable, no connection within the pool's short timeout): 503, at once. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ProblemDetail databaseAway(DataAccessException e) {
        LOG.warn("The message file's database cannot be reached: {}", e.getMostSpecificCause().getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The message file's database cannot be reached; nothing was changed. Try again in a moment.");
        problem.setTitle("Database unavailable");
        return problem;
    }

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail databaseRefused(DataAccessException e) {
        LOG.error("The message file's database refused a request", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The message file's database refused this (" + e.getClass().getSimpleName() + "); nothing was changed."
                        + " The service's log has the details.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail failed(Exception e) {
        LOG.error("Request failed", e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "illbridge could not answer this (" + e.getClass().getSimpleName() + "). The service's log has the details.");
    }
}
