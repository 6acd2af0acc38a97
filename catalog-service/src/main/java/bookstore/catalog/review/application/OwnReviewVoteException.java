package bookstore.catalog.review.application;

/** A "helpful" vote is other readers' judgement, not the author's. */
public class OwnReviewVoteException extends RuntimeException {

    public OwnReviewVoteException() {
        super("You cannot mark your own review as helpful.");
    }
}
