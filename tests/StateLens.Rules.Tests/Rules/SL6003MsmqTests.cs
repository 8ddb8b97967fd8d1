using StateLens.Rules.Rules;
using StateLens.Rules.Tests.Infrastructure;

namespace StateLens.Rules.Tests.Rules;

public sealed class SL6003MsmqTests
{
    [Fact]
    public Task WindowsService_ReceivingFromMsmq_IsReported() =>
        Verify.AnalyzerAsync<MsmqAnalyzer>(HostCouplingSamples.For("SL6003", HostCouplingSamples.WindowsService), Framework.NetFramework);

    [Fact]
    public Task OrderPublisher_IsReported() => Verify.AnalyzerAsync<MsmqAnalyzer>("""
        using System.Messaging;

        public class OrderPublisher
        {
            private const string QueuePath = @".\private$\orders";

            public void Publish(string orderXml)
            {
                if (!{|SL6003:MessageQueue.Exists(QueuePath)|})
                {
                    {|SL6003:MessageQueue.Create(QueuePath, true)|};
                }

                using (var queue = {|SL6003:new MessageQueue(QueuePath)|})
                using (var transaction = new MessageQueueTransaction())
                {
                    transaction.Begin();
                    {|SL6003:queue.Send(new Message(orderXml), "order", transaction)|};
                    transaction.Commit();
                }
            }

            public void Ping() => {|SL6003:new MessageQueue(QueuePath).Send("ping")|};
        }
        """, Framework.NetFramework);

    [Fact]
    public Task QueueNamedTypesElsewhere_AreNotReported() => Verify.AnalyzerAsync<MsmqAnalyzer>("""
        using System.Collections.Generic;

        public class MessageQueue
        {
            private readonly Queue<string> _items = new Queue<string>();
            public void Send(string body) => _items.Enqueue(body);
        }

        public class Outbox
        {
            private readonly MessageQueue _queue = new MessageQueue();
            public void Add(string body) => _queue.Send(body);
        }
        """, Framework.NetFramework);

    [Fact]
    public Task VisualBasicQueue_IsReported() => Verify.VisualBasicAsync<MsmqAnalyzer>("""
        Imports System.Messaging

        Public Class InvoiceListener
            Public Function NextInvoice() As Object
                Dim queue = {|SL6003:New MessageQueue(".\private$\invoices")|}
                Return {|SL6003:queue.Receive()|}.Body
            End Function
        End Class
        """, Framework.NetFramework);
}
