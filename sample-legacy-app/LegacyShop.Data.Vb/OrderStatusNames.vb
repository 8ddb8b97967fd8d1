Imports System.Collections.Generic

''' <summary>
''' Display names of the order states. A lookup table: filled by its initializer and only read.
''' </summary>
Public Module OrderStatusNames

    Public Const DefaultStatusName As String = "Unknown"

    Private ReadOnly StatusNames As New Dictionary(Of Integer, String) From {
        {0, "New"},
        {1, "Paid"},
        {2, "Shipped"},
        {3, "Delivered"},
        {9, "Cancelled"}
    }

    Public Function GetStatusName(status As Integer) As String
        Dim name As String = Nothing
        If StatusNames.TryGetValue(status, name) Then
            Return name
        End If
        Return DefaultStatusName
    End Function

End Module
