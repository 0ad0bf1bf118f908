/** The custom resource type of every object applied through the management API (shared by the construct and its handler). */
export const RABBITMQ_OBJECT_TYPE = 'Custom::AmazonMqRabbitMqObject';
