import { Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface SlackSecretProps {
  /** Existing secret to use; unset creates one. */
  secretName?: string;
}

/**
 * The Slack credentials secret, JSON `{ "botToken": "xoxb-...", "signingSecret": "..." }`.
 * A created secret starts with a placeholder bot token and a random signing secret, so nothing verifies
 * until the operator stores the real values (`aws secretsmanager put-secret-value`) after deploying.
 */
export class SlackSecret extends Construct {
  readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: SlackSecretProps) {
    super(scope, id);
    if (props.secretName !== undefined) {
      this.secret = secretsmanager.Secret.fromSecretNameV2(this, 'Secret', props.secretName);
      return;
    }
    const secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Headroom Slack app credentials: {"botToken": "xoxb-...", "signingSecret": "..."}; set after deploy',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ botToken: 'set-after-deploy' }),
        generateStringKey: 'signingSecret',
        excludePunctuation: true,
      },
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'Slack bot tokens and signing secrets are issued and rotated in Slack, not by a rotation Lambda; the operator stores new values.',
    });
    this.secret = secret;
  }
}
