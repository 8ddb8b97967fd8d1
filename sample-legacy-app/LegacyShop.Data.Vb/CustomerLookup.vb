Imports System
Imports System.Collections.Generic

''' <summary>
''' Caches customer display names for the order grids. Filled lazily from the CRM database.
''' </summary>
Public Class CustomerLookup

    Private Const UnknownCustomer As String = "(unknown customer)"

    Private Shared ReadOnly _customerNames As New Dictionary(Of Integer, String)() ' expect: SL4002
    Private Shared ReadOnly _syncRoot As New Object()

    Private ReadOnly _loader As Func(Of Integer, String)

    Public Sub New(loader As Func(Of Integer, String))
        If loader Is Nothing Then
            Throw New ArgumentNullException(NameOf(loader))
        End If
        _loader = loader
    End Sub

    Public Function GetCustomerName(customerId As Integer) As String
        SyncLock _syncRoot
            Dim name As String = Nothing
            If _customerNames.TryGetValue(customerId, name) Then
                Return name
            End If

            name = _loader(customerId)
            If String.IsNullOrEmpty(name) Then
                Return UnknownCustomer
            End If

            _customerNames.Add(customerId, name)
            Return name
        End SyncLock
    End Function

    Public Shared Sub Invalidate()
        SyncLock _syncRoot
            _customerNames.Clear()
        End SyncLock
    End Sub

End Class
