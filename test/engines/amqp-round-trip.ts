import * as amqp from 'amqplib';

/**
 * Declares a queue, publishes one message to it and consumes it back over an open connection, then closes the
 * connection: what "this client may use the broker" means in the authentication tests. Resolves with the body.
 */
export async function roundTrip(connection: amqp.ChannelModel, queue: string, body: string): Promise<string | undefined> {
  try {
    const channel = await connection.createChannel();
    await channel.assertQueue(queue);
    channel.sendToQueue(queue, Buffer.from(body));
    // A refused publish closes the channel: reject then, rather than wait for a message that never comes.
    const message = await new Promise<amqp.ConsumeMessage | null>((resolve, reject) => {
      channel.once('error', reject);
      channel.consume(queue, resolve, { noAck: true }).catch(reject);
    });
    return message?.content.toString();
  } finally {
    await connection.close();
  }
}
