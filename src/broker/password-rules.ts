// No imports: the rotation functions bundle this file (it must not pull in aws-cdk-lib).

/**
 * Characters left out of generated passwords: `,` `:` `=` are refused by Amazon MQ (mq-facts F-U02); the others
 * would need escaping in connection URIs (`amqps://user:password@host`) and shells.
 */
export const PASSWORD_EXCLUDE_CHARACTERS = ',:=/@"\'\\`%&?#[]{}<>|;! ';

/**
 * Generated password length. Amazon MQ takes 12-250 characters with at least 4 unique ones (F-U02); with
 * one character of each type required, 32 characters always have 4 unique ones.
 */
export const PASSWORD_LENGTH = 32;
