Imports System
Imports System.Collections.Generic
Imports System.Globalization
Imports System.IO
Imports System.Text

Public Class CustomerRecord
    Public Property Id As Integer
    Public Property Name As String
    Public Property Email As String
    Public Property LastOrderDate As Date?
End Class

''' <summary>
''' Writes the customer list for the marketing department. The caller decides where the file goes.
''' </summary>
Public Class CustomerExporter

    Private Const HeaderLine As String = "Id;Name;Email;LastOrder"

    Public Sub ExportToFile(path As String, customers As IEnumerable(Of CustomerRecord))
        If String.IsNullOrEmpty(path) Then
            Throw New ArgumentException("An export path is required.", NameOf(path))
        End If

        Dim sb As New StringBuilder()
        sb.AppendLine(HeaderLine)
        For Each customer In customers
            Dim lastOrder As String = If(customer.LastOrderDate.HasValue,
                                         customer.LastOrderDate.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                                         String.Empty)
            sb.Append(customer.Id.ToString(CultureInfo.InvariantCulture)).Append(";"c)
            sb.Append(customer.Name).Append(";"c)
            sb.Append(customer.Email).Append(";"c)
            sb.AppendLine(lastOrder)
        Next

        File.WriteAllText(path, sb.ToString(), Encoding.UTF8) ' expect: SL1002
    End Sub

    Public Function ReadHeader(path As String) As String
        Using reader As New StreamReader(path)
            Return reader.ReadLine()
        End Using
    End Function

End Class
