using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;

namespace Shop.Core.Settings
{
    /// <summary>Shop settings kept as a JSON file on the web server's own disk.</summary>
    public sealed class SettingsStore
    {
        private const string SettingsFile = @"D:\ShopData\settings.json";

        public IDictionary<string, string> Load()
        {
            if (!File.Exists(SettingsFile)) // expect: SL5003
            {
                return new Dictionary<string, string>();
            }

            return JsonConvert.DeserializeObject<Dictionary<string, string>>(File.ReadAllText(SettingsFile)); // expect: SL5003
        }

        public void Save(IDictionary<string, string> settings)
        {
            File.WriteAllText(SettingsFile, JsonConvert.SerializeObject(settings, Formatting.Indented)); // expect: SL1002, SL5003
        }
    }
}
