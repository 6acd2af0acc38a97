-- Failed logins per account are counted under the SHA-256 of the address (as LoginAttempt now names them), so the
-- throttle keeps no address anyone typed: one an erased account had would otherwise stay, or come back with the
-- next wrong guess.
UPDATE login_throttle
SET subject = 'account:' || encode(sha256(convert_to(substr(subject, length('account:') + 1), 'UTF8')), 'hex')
WHERE subject LIKE 'account:%';
