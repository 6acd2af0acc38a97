package bookstore.catalog.review.web;

import bookstore.catalog.review.domain.Moderation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an admin hides a review; the author and other admins see it. */
record HideRequest(
        @NotBlank @Size(max = Moderation.MAX_REASON) String reason) {}
