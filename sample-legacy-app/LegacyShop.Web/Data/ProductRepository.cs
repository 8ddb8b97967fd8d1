using System;
using System.Collections.Generic;
using System.Configuration;
using System.Data;
using System.Data.SqlClient;
using LegacyShop.Core.Models;

namespace LegacyShop.Web.Data
{
    /// <summary>Plain ADO.NET access to the product tables.</summary>
    public static class ProductRepository
    {
        private const string ConnectionStringName = "LegacyShopDb";

        private const string SelectProducts =
            "SELECT Id, Sku, Name, Description, CategoryId, Price, UnitsInStock, ImageFileName, IsFeatured FROM dbo.Products";

        private const string SelectCategories = "SELECT Id, Name FROM dbo.Categories";

        public static IList<Product> LoadAll()
        {
            var products = new List<Product>();
            using (SqlConnection connection = OpenConnection())
            using (var command = new SqlCommand(SelectProducts, connection))
            using (SqlDataReader reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    products.Add(ReadProduct(reader));
                }
            }

            return products;
        }

        public static Product LoadById(int productId)
        {
            using (SqlConnection connection = OpenConnection())
            using (var command = new SqlCommand(SelectProducts + " WHERE Id = @id", connection))
            {
                command.Parameters.Add("@id", SqlDbType.Int).Value = productId;
                using (SqlDataReader reader = command.ExecuteReader(CommandBehavior.SingleRow))
                {
                    return reader.Read() ? ReadProduct(reader) : null;
                }
            }
        }

        public static IDictionary<int, string> LoadCategories()
        {
            var categories = new Dictionary<int, string>();
            using (SqlConnection connection = OpenConnection())
            using (var command = new SqlCommand(SelectCategories, connection))
            using (SqlDataReader reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    categories[reader.GetInt32(0)] = reader.GetString(1);
                }
            }

            return categories;
        }

        private static SqlConnection OpenConnection()
        {
            string connectionString = ConfigurationManager.ConnectionStrings[ConnectionStringName].ConnectionString;
            var connection = new SqlConnection(connectionString);
            connection.Open();
            return connection;
        }

        private static Product ReadProduct(IDataRecord record)
        {
            return new Product
            {
                Id = record.GetInt32(0),
                Sku = record.GetString(1),
                Name = record.GetString(2),
                Description = record.IsDBNull(3) ? string.Empty : record.GetString(3),
                CategoryId = record.GetInt32(4),
                Price = record.GetDecimal(5),
                UnitsInStock = record.GetInt32(6),
                ImageFileName = record.IsDBNull(7) ? null : record.GetString(7),
                IsFeatured = record.GetBoolean(8)
            };
        }
    }
}
