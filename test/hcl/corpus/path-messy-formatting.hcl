resource   "iam_user"    "messy"{
name="messy"
    email   =      "messy@example.com"
  tags={a=1,b=2}
        list=[1,2,3]
 expr = var.a+var.b*2-(var.c/4)%3
   cond=var.x?1:2
  call = join( ",",  var.list )
	tabbed = "tab indented"
}
variable "x" { default=1 }
locals{
a=1


b=2
}
