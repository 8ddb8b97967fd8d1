using System;
using System.Collections.Generic;
using System.Messaging;

namespace LegacyShop.Scheduler
{
    /// <summary>
    /// Reads the order ids the web shop puts into the local private MSMQ queue after checkout.
    /// </summary>
    internal sealed class OrderQueueReader : IDisposable
    {
        private readonly MessageQueue _queue;
        private readonly TimeSpan _receiveTimeout;

        public OrderQueueReader(TimeSpan receiveTimeout)
        {
            _receiveTimeout = receiveTimeout;
            _queue = new MessageQueue(@".\private$\orders"); // expect: SL6003
            _queue.Formatter = new XmlMessageFormatter(new[] { typeof(string) }); // expect: SL6003
        }

        public IList<string> ReceiveBatch(int maxCount)
        {
            var orderIds = new List<string>();
            while (orderIds.Count < maxCount)
            {
                try
                {
                    using (Message message = _queue.Receive(_receiveTimeout)) // expect: SL6003
                    {
                        orderIds.Add((string)message.Body);
                    }
                }
                catch (MessageQueueException ex)
                {
                    if (ex.MessageQueueErrorCode == MessageQueueErrorCode.IOTimeout)
                    {
                        break;
                    }

                    throw;
                }
            }

            return orderIds;
        }

        public void Dispose()
        {
            _queue.Close(); // expect: SL6003
        }
    }
}
