-- The sandbox's cards that ask for 3-D Secure wait in Stripe's requires_action until the cardholder
-- confirms or refuses the payment on the sandbox's page.
ALTER TABLE sandbox_payment_intent
    DROP CONSTRAINT sandbox_payment_intent_status_check,
    ADD CONSTRAINT sandbox_payment_intent_status_check
        CHECK (status IN ('requires_action', 'processing', 'succeeded', 'requires_payment_method', 'canceled'));
