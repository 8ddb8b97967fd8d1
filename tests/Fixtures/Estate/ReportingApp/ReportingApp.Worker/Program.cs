// Reads the order exports OrdersApp drops on the share and writes a daily summary next to them.
var exports = Directory.GetFiles(@"\\FILESERVER\Exports", "order-*.csv");
File.WriteAllText(@"\\FileServer\Exports\summaries\daily.csv", exports.Length.ToString());
